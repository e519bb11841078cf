package io.atc.retention.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

@Path("/v1/retention/defaults")
@Tag(name = "retention")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantRetentionDefaultResource {

    private final RetentionLevels levels;
    private final CallerTenant caller;

    public TenantRetentionDefaultResource(RetentionLevels levels, CallerTenant caller) {
        this.levels = levels;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getRetentionDefaults",
            summary = "Get the tenant's default retention, which every site without its own value inherits",
            description = "Each kind's `days` is the tenant's own value (`own`) if set, else the platform's;"
                    + " `source` names which.")
    @APIResponse(
            responseCode = "200",
            description = "The tenant's default retention",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetentionSettings.class),
                            examples = @ExampleObject(name = "tenant-sets-images", value = RetentionExamples.TENANT)))
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<RetentionSettings> get() {
        return levels.tenantDefault(caller.id());
    }

    @PUT
    @Operation(
            operationId = "setRetentionDefaults",
            summary = "Set the tenant's default retention days (null inherits the platform default)",
            description = "Replaces both values: a field left out or null inherits the platform default. Each value"
                    + " is 1-3650 days. Every site without its own value follows from its next purge; the change is"
                    + " audited with the old and new values.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "ninety-days-of-images",
                                            value = RetentionExamples.TENANT_CHANGE)))
    @APIResponse(
            responseCode = "200",
            description = "The tenant's default retention after the change",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetentionSettings.class),
                            examples = @ExampleObject(name = "tenant-sets-images", value = RetentionExamples.TENANT)))
    @APIResponse(responseCode = "422", description = "A value outside 1-3650 days")
    @RequiresScope(Scope.RETENTION_WRITE)
    public Uni<RetentionSettings> put(@Valid @NotNull(message = "a JSON body is required") RetentionChange change) {
        return levels.changeTenantDefault(caller.current(), change);
    }
}
