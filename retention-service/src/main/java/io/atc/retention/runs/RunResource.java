package io.atc.retention.runs;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/retention/runs")
@Tag(name = "retention")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final Runs runs;
    private final CallerTenant caller;

    public RunResource(Runs runs, CallerTenant caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List purge and erasure runs, newest first, of one site (siteId) or of all")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<Page<Run>> list(
            @QueryParam("siteId") UUID siteId,
            @QueryParam(Page.AFTER) String after,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 200, message = "must be at most 200")
                    int limit) {
        return runs.list(
                caller.id(), siteId, PageCursor.NEWEST_FIRST.decode(after).orElse(null), limit);
    }

    @GET
    @Path("/{runId}")
    @Operation(summary = "Get one purge or erasure run")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<Run> get(@PathParam("runId") UUID runId) {
        return runs.get(caller.id(), runId);
    }
}
