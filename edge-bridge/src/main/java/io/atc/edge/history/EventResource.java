package io.atc.edge.history;

import java.util.UUID;

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

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.atc.core.paging.Page;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The events a site's devices sent, newest first (docs/edge.md, "Reading events and images"). */
@Path("/v1/sites/{siteId}/events")
@Tag(name = "events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final Events events;
    private final CallerTenant caller;

    public EventResource(Events events, CallerTenant caller) {
        this.events = events;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listSiteEvents",
            summary = "List a site's events, newest first (by occurredAt), in pages",
            description = "Filters combine: `from` (inclusive) and `to` (exclusive) are RFC 3339 instants with an"
                    + " offset, `deviceId` and `type` match exactly. `limit` per page (1 to 200, default 50). The"
                    + " answer is `{items, next}`: pass `next` unchanged as `after`, with the same filters, to read"
                    + " the following page; it is null on the last page. Events ingested meanwhile never shift a page.")
    @APIResponse(responseCode = "200", description = "One page of the site's events")
    @APIResponse(responseCode = "404", description = "No such site for this tenant (another tenant's is also 404)")
    @APIResponse(
            responseCode = "422",
            description = "`limit` is outside 1 to 200, or `type` is longer than 100 characters")
    @RequiresScope(Scope.EVENTS_READ)
    public Uni<Page<EventView>> list(
            @PathParam("siteId") UUID siteId,
            @Parameter(description = "only events that occurred at or after this ISO-8601 instant") @QueryParam("from")
                    String from,
            @Parameter(description = "only events that occurred before this ISO-8601 instant") @QueryParam("to")
                    String to,
            @Parameter(description = "only this device's events") @QueryParam("deviceId") String deviceId,
            @Parameter(description = "only events of exactly this type") @QueryParam("type") String type,
            @Parameter(description = "the `next` cursor of the previous page; absent for the first page")
                    @QueryParam(Page.AFTER)
                    String after,
            @Parameter(
                            description = "how many events a page holds, 1 to 200",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "200",
                                            defaultValue = "50"))
                    @QueryParam("limit")
                    String limit) {
        EventFilter filter = EventFilter.parse(from, to, deviceId, type);
        EventPosition position = EventPosition.CURSOR.decode(after).orElse(null);
        return events.list(caller.current().tenantId(), siteId, filter, position, QueryParameters.limit(limit));
    }

    @GET
    @Path("/{eventId}")
    @Operation(
            operationId = "getSiteEvent",
            summary = "Get one event of a device (event ids are chosen by devices: name the device)")
    @APIResponse(
            responseCode = "200",
            description = "The event",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventView.class),
                            examples = @ExampleObject(name = "event", value = EventExamples.EVENT)))
    @APIResponse(
            responseCode = "404",
            description = "No such event of this device at this site for this tenant (another tenant's is also 404)")
    @RequiresScope(Scope.EVENTS_READ)
    public Uni<EventView> get(
            @PathParam("siteId") UUID siteId,
            @PathParam("eventId") UUID eventId,
            @Parameter(description = "the device that sent the event (required)", required = true)
                    @QueryParam("deviceId")
                    String deviceId) {
        return events.get(
                caller.current().tenantId(), siteId, QueryParameters.requiredUuid("deviceId", deviceId), eventId);
    }
}
