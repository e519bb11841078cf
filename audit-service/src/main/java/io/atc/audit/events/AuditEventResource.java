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
    @Operation(summary = "List the caller's audit events in seq order, in pages")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<Page<AuditEventView>> list(
            @QueryParam(Page.AFTER) String after,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 1000, message = "must be at most 1000")
                    int limit) {
        return events.page(
                caller.current().tenantId(), PageCursor.BY_SEQ.decode(after).orElse(-1L), limit);
    }

    @GET
    @Path("/events/{seq}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get one audit event")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<AuditEventView> get(@PathParam("seq") @Min(value = 0, message = "must be at least 0") long seq) {
        return events.get(caller.current().tenantId(), seq);
    }

    @GET
    @Path("/export")
    @Produces(JSON_LINES)
    @Operation(summary = "Export a range of events as JSON Lines, verifiable offline (docs/audit.md)")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<String> export(
            @QueryParam("from_seq") @DefaultValue("0") @Min(value = 0, message = "must be at least 0") long fromSeq,
            @QueryParam("to_seq") Long toSeq) {
        long last = toSeq == null ? fromSeq + AuditEvents.MAX_EXPORT - 1 : toSeq;
        if (last < fromSeq || last - fromSeq >= AuditEvents.MAX_EXPORT) {
            throw ProblemException.invalid(
                    "to_seq", "must be at least from_seq and cover at most " + AuditEvents.MAX_EXPORT + " events");
        }
        return events.export(caller.current().tenantId(), fromSeq, last);
    }
}
