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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(
            operationId = "createRetentionHold",
            summary = "Set a legal hold on a site or a device: nothing deletes its rows while the hold is active",
            description = "Name exactly one of `siteId` and `deviceId`. While the hold is active (not released, and"
                    + " `endsAt`, if given, not reached) neither the purge nor an erasure deletes any event or image"
                    + " of it. Audited.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "device-until-mid-2027", value = HoldExamples.DRAFT)))
    @APIResponse(
            responseCode = "201",
            description = "Set, at Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "/v1/retention/holds/{holdId} of the new hold",
                            schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Hold.class),
                            examples = @ExampleObject(name = "device-hold", value = HoldExamples.SET)))
    @APIResponse(
            responseCode = "404",
            description = "No such site or device in the caller's tenant (another tenant's included)")
    @APIResponse(
            responseCode = "422",
            description = "Neither or both of siteId and deviceId, a blank reason or one over 500 characters, or an"
                    + " endsAt not in the future")
    @RequiresScope(Scope.RETENTION_WRITE)
    public Uni<Response> set(@Valid @NotNull(message = "a JSON body is required") HoldDraft draft) {
        return holds.set(caller.current(), draft)
                .map(hold -> Response.created(URI.create("/v1/retention/holds/" + hold.holdId()))
                        .entity(hold)
                        .build());
    }

    @GET
    @Operation(
            operationId = "listRetentionHolds",
            summary = "List the tenant's legal holds, newest first: the active ones, or all with state=all",
            description = "Newest first by `setAt`. Answers `{items, next}`: pass `next` unchanged as `after` for the"
                    + " following page; it is null on the last. `limit` is 1-200 (default 50).")
    @APIResponse(responseCode = "200", description = "One page of holds, with the `next` cursor")
    @APIResponse(responseCode = "422", description = "A state other than active or all, or a limit outside 1-200")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<Page<Hold>> list(
            @QueryParam("state")
                    @Parameter(description = "`active` (default): only active holds; `all`: released and ended too")
                    @DefaultValue("active")
                    @Pattern(regexp = "active|all", message = "must be active or all")
                    String state,
            @QueryParam(Page.AFTER) @Parameter(description = "the `next` cursor of the previous page") String after,
            @QueryParam("limit")
                    @Parameter(description = "page size, 1-200")
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
    @Operation(operationId = "getRetentionHold", summary = "Get one legal hold")
    @APIResponse(
            responseCode = "200",
            description = "The hold",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Hold.class),
                            examples = @ExampleObject(name = "device-hold", value = HoldExamples.SET)))
    @APIResponse(responseCode = "404", description = "No such hold in the caller's tenant (another tenant's included)")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<Hold> get(@PathParam("holdId") UUID holdId) {
        return holds.get(caller.id(), holdId);
    }

    @DELETE
    @Path("/{holdId}")
    @Operation(
            operationId = "releaseRetentionHold",
            summary = "Release a legal hold (admin only); releasing a released hold is 409",
            description = "From now on the purge and erasures may delete what the hold kept, which cannot be undone."
                    + " The hold stays on record with `releasedAt` and `releasedBy`. Audited.")
    @APIResponse(
            responseCode = "200",
            description = "The released hold",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Hold.class),
                            examples = @ExampleObject(name = "released", value = HoldExamples.RELEASED)))
    @APIResponse(responseCode = "404", description = "No such hold in the caller's tenant (another tenant's included)")
    @APIResponse(responseCode = "409", description = "The hold was already released (the detail says when and by whom)")
    @RequiresScope(Scope.ADMIN)
    public Uni<Hold> release(@PathParam("holdId") UUID holdId) {
        return holds.release(caller.current(), holdId);
    }
}
