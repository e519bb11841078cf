package io.atc.retention.holds;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Legal holds. Setting one keeps data (retention:write); releasing one lets the purge and erasures delete
 * what it kept, which cannot be undone, so only the tenant's admin may (docs/retention.md, "Legal holds").
 */
@Path("/v1/retention/holds")
@Tag(name = "retention")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HoldResource {

    private final Holds holds;
    private final CallerTenant caller;

    public HoldResource(Holds holds, CallerTenant caller) {
        this.holds = holds;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Set a legal hold on a site or a device: nothing deletes its rows while the hold is active")
    @RequiresScope(Scope.RETENTION_WRITE)
    public Uni<Response> set(@Valid @NotNull(message = "a JSON body is required") HoldDraft draft) {
        return holds.set(caller.current(), draft)
                .map(hold -> Response.created(URI.create("/v1/retention/holds/" + hold.holdId()))
                        .entity(hold)
                        .build());
    }

    @GET
    @Operation(summary = "List the tenant's legal holds, newest first: the active ones, or all with state=all")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<Page<Hold>> list(
            @QueryParam("state")
                    @DefaultValue("active")
                    @Pattern(regexp = "active|all", message = "must be active or all")
                    String state,
            @QueryParam(Page.AFTER) String after,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 200, message = "must be at most 200")
                    int limit) {
        return holds.list(
                caller.id(),
                "all".equals(state),
                PageCursor.NEWEST_FIRST.decode(after).orElse(null),
                limit);
    }

    @GET
    @Path("/{holdId}")
    @Operation(summary = "Get one legal hold")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<Hold> get(@PathParam("holdId") UUID holdId) {
        return holds.get(caller.id(), holdId);
    }

    @DELETE
    @Path("/{holdId}")
    @Operation(summary = "Release a legal hold (admin only); releasing a released hold is 409")
    @RequiresScope(Scope.ADMIN)
    public Uni<Hold> release(@PathParam("holdId") UUID holdId) {
        return holds.release(caller.current(), holdId);
    }
}
