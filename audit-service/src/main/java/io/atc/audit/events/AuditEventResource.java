package io.atc.audit.events;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.errors.ProblemException;
import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/audit")
@Tag(name = "audit")
@Authenticated
public class AuditEventResource {

    public static final String JSON_LINES = "application/jsonl";

    private final AuditEvents events;
    private final CallerTenant caller;

    public AuditEventResource(AuditEvents events, CallerTenant caller) {
        this.events = events;
        this.caller = caller;
    }

    @GET
    @Path("/events")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listAuditEvents",
            summary = "List the caller's audit events in seq order, in pages",
            description = "Answers `{items, next}`: pass `next` unchanged as `after` for the following page; it is"
                    + " null on the last. `limit` is 1-1000 (default 100). The optional filters `action`, `actor`,"
                    + " `since` and `until` combine with AND; pass the same ones with `after` to continue a filtered"
                    + " listing. Each event carries every field needed to verify it offline (docs/audit.md).")
    @APIResponse(responseCode = "200", description = "One page of events")
    @APIResponse(
            responseCode = "422",
            description = "A limit outside 1-1000, or a filter that is malformed (named in `errors`): text over "
                    + AuditEventFilter.MAX_TEXT + " characters or with a control character, an instant that is not"
                    + " ISO-8601 with an offset, `since` not before `until`")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<Page<AuditEventView>> list(
            @QueryParam(Page.AFTER) @Parameter(description = "the `next` cursor of the previous page") String after,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 1000, message = "must be at most 1000")
                    int limit,
            @QueryParam("action")
                    @Parameter(
                            description = "only events with this action, e.g. `key.created`; or, ending in `.*`, with"
                                    + " actions starting with what precedes the `*`, e.g. `key.*`")
                    String action,
            @QueryParam("actor")
                    @Parameter(
                            description = "only events by this actor, exactly as stored, e.g. `key:<uuid>`,"
                                    + " `user:<uuid>`, `operator`")
                    String actor,
            @QueryParam("since")
                    @Parameter(
                            description = "only events that occurred at or after this ISO-8601 instant, e.g."
                                    + " `2026-03-01T00:00:00Z`")
                    String since,
            @QueryParam("until")
                    @Parameter(
                            description = "only events that occurred before this ISO-8601 instant (excluded); after"
                                    + " `since`")
                    String until) {
        AuditEventFilter filter = AuditEventFilter.of(action, actor, since, until);
        return events.page(
                caller.current().tenantId(), PageCursor.BY_SEQ.decode(after).orElse(-1L), limit, filter);
    }

    @GET
    @Path("/events/{seq}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAuditEvent", summary = "Get one audit event")
    @APIResponse(
            responseCode = "200",
            description = "The event",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuditEventView.class),
                            examples = @ExampleObject(name = "key-created", value = AuditEventExamples.EVENT)))
    @APIResponse(responseCode = "404", description = "No event with this seq in the caller's tenant's chain")
    @APIResponse(responseCode = "422", description = "A negative seq")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<AuditEventView> get(@PathParam("seq") @Min(value = 0, message = "must be at least 0") long seq) {
        return events.get(caller.current().tenantId(), seq);
    }

    @GET
    @Path("/export")
    @Produces(JSON_LINES)
    @Operation(
            operationId = "exportAuditEvents",
            summary = "Export a range of events as JSON Lines, verifiable offline (docs/audit.md)",
            description = "One event per line, in seq order, from `from_seq` through `to_seq` (both included), at"
                    + " most " + AuditEvents.MAX_EXPORT + " events per call: export a longer chain in several calls."
                    + " Without `to_seq`, the " + AuditEvents.MAX_EXPORT + " events from `from_seq` on.")
    @APIResponse(
            responseCode = "200",
            description = "The events, one JSON object per line",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "422",
            description = "A negative from_seq, or a to_seq below from_seq or more than " + AuditEvents.MAX_EXPORT
                    + " events after it")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<String> export(
            @QueryParam("from_seq")
                    @DefaultValue("0")
                    @Min(value = 0, message = "must be at least 0")
                    @Parameter(description = "the first seq to export")
                    long fromSeq,
            @QueryParam("to_seq") @Parameter(description = "the last seq to export (included)") Long toSeq) {
        long last = toSeq == null ? fromSeq + AuditEvents.MAX_EXPORT - 1 : toSeq;
        if (last < fromSeq || last - fromSeq >= AuditEvents.MAX_EXPORT) {
            throw ProblemException.invalid(
                    "to_seq", "must be at least from_seq and cover at most " + AuditEvents.MAX_EXPORT + " events");
        }
        return events.export(caller.current().tenantId(), fromSeq, last);
    }
}
