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
    @Operation(summary = "Get the tenant's default retention, which every site without its own value inherits")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<RetentionSettings> get() {
        return levels.tenantDefault(caller.id());
    }

    @PUT
    @Operation(summary = "Set the tenant's default retention days (null inherits the platform default)")
    @RequiresScope(Scope.RETENTION_WRITE)
    public Uni<RetentionSettings> put(@Valid @NotNull(message = "a JSON body is required") RetentionChange change) {
        return levels.changeTenantDefault(caller.current(), change);
    }
}
