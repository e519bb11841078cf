package io.atc.retention.settings;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/sites/{siteId}/retention")
@Tag(name = "retention")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteRetentionResource {

    private final RetentionLevels levels;
    private final CallerTenant caller;

    public SiteRetentionResource(RetentionLevels levels, CallerTenant caller) {
        this.levels = levels;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getSiteRetention",
            summary = "Get a site's retention: for events and images, the effective days and where they are set",
            description = "Each kind's `days` is the first value set of the site's own (`own`), its tenant's default"
                    + " and the platform's; `source` names which. The purge deletes rows received more than that many"
                    + " days ago, unless a legal hold covers them.")
    @APIResponse(
            responseCode = "200",
            description = "The site's retention",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetentionSettings.class),
                            examples = @ExampleObject(name = "site-sets-events", value = RetentionExamples.SITE)))
    @APIResponse(responseCode = "404", description = "No such site in the caller's tenant (another tenant's included)")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<RetentionSettings> get(@PathParam("siteId") UUID siteId) {
        return levels.site(caller.id(), siteId);
    }

    @PUT
    @Operation(
            operationId = "setSiteRetention",
            summary = "Set a site's own retention days (null inherits the tenant default)",
            description = "Replaces both values: a field left out or null inherits the tenant default. Each value is"
                    + " 1-3650 days. A shorter retention takes effect at the site's next purge; the change is audited"
                    + " with the old and new values. The answer is the site's retention as it now stands.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "two-weeks-of-events",
                                            value = RetentionExamples.SITE_CHANGE)))
    @APIResponse(
            responseCode = "200",
            description = "The site's retention after the change",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetentionSettings.class),
                            examples = @ExampleObject(name = "site-sets-events", value = RetentionExamples.SITE)))
    @APIResponse(responseCode = "404", description = "No such site in the caller's tenant (another tenant's included)")
    @APIResponse(responseCode = "422", description = "A value outside 1-3650 days")
    @RequiresScope(Scope.RETENTION_WRITE)
    public Uni<RetentionSettings> put(
            @PathParam("siteId") UUID siteId,
            @Valid @NotNull(message = "a JSON body is required") RetentionChange change) {
        return levels.changeSite(caller.current(), siteId, change);
    }
}
