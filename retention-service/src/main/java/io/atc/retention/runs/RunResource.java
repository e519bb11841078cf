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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(
            operationId = "listRetentionRuns",
            summary = "List purge and erasure runs, newest first, of one site (siteId) or of all",
            description = "Newest first by `startedAt`, running ones included. Answers `{items, next}`: pass `next`"
                    + " unchanged as `after` for the following page; it is null on the last. `limit` is 1-200"
                    + " (default 50).")
    @APIResponse(responseCode = "200", description = "One page of runs, with the `next` cursor")
    @APIResponse(responseCode = "404", description = "A siteId that is not a UUID")
    @APIResponse(responseCode = "422", description = "A limit outside 1-200")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<Page<Run>> list(
            @QueryParam("siteId") @Parameter(description = "only this site's runs; all sites' when absent") UUID siteId,
            @QueryParam(Page.AFTER) @Parameter(description = "the `next` cursor of the previous page") String after,
            @QueryParam("limit")
                    @Parameter(description = "page size, 1-200")
                    @DefaultValue("50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 200, message = "must be at most 200")
                    int limit) {
        return runs.list(
                caller.id(), siteId, PageCursor.NEWEST_FIRST.decode(after).orElse(null), limit);
    }

    @GET
    @Path("/{runId}")
    @Operation(operationId = "getRetentionRun", summary = "Get one purge or erasure run")
    @APIResponse(
            responseCode = "200",
            description = "The run",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Run.class),
                            examples = @ExampleObject(name = "finished-purge", value = RunExamples.PURGE)))
    @APIResponse(responseCode = "404", description = "No such run in the caller's tenant (another tenant's included)")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<Run> get(@PathParam("runId") UUID runId) {
        return runs.get(caller.id(), runId);
    }
}
