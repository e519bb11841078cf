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
    @Operation(summary = "Get a site's retention: for events and images, the effective days and where they are set")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<RetentionSettings> get(@PathParam("siteId") UUID siteId) {
        return levels.site(caller.id(), siteId);
    }

    @PUT
    @Operation(summary = "Set a site's own retention days (null inherits the tenant default)")
    @RequiresScope(Scope.RETENTION_WRITE)
    public Uni<RetentionSettings> put(
            @PathParam("siteId") UUID siteId,
            @Valid @NotNull(message = "a JSON body is required") RetentionChange change) {
        return levels.changeSite(caller.current(), siteId, change);
    }
}
