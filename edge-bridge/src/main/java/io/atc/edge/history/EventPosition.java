package io.atc.edge.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.atc.core.paging.PageCursor;
import io.atc.edge.ids.Uuids;

/**
 * Where a page of events ends, in the list's order (occurred_at, device_id, event_id, all descending):
 * unique per tenant, so rows sharing a timestamp are neither skipped nor repeated, and rows ingested
 * between two pages land before or after the position without shifting it. A cursor a client edits
 * can only name another position among the rows its own tenant and site already show it.
 */
record EventPosition(OffsetDateTime occurredAt, UUID deviceId, UUID eventId) {

    static final PageCursor<EventPosition> CURSOR = PageCursor.of("events", EventPosition::write, EventPosition::read);

    private static final String SEPARATOR = "~";

    static EventPosition of(EventView event) {
        return new EventPosition(event.occurredAt(), event.deviceId(), event.eventId());
    }

    /** Microseconds since the epoch: exactly what Postgres stores. */
    private static String write(EventPosition position) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.occurredAt.toInstant());
        return micros + SEPARATOR + position.deviceId + SEPARATOR + position.eventId;
    }

    private static EventPosition read(String text) {
        String[] parts = text.split(SEPARATOR, -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not three parts");
        }
        OffsetDateTime occurredAt = atMicros(Long.parseLong(parts[0]));
        if (!QueryParameters.withinStorableYears(occurredAt)) {
            throw new IllegalArgumentException("out of range");
        }
        return new EventPosition(occurredAt, uuid(parts[1]), uuid(parts[2]));
    }

    private static OffsetDateTime atMicros(long micros) {
        try {
            return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        } catch (DateTimeException | ArithmeticException outOfRange) {
            throw new IllegalArgumentException("out of range", outOfRange);
        }
    }

    private static UUID uuid(String text) {
        return Uuids.parseCanonical(text).orElseThrow(() -> new IllegalArgumentException("not a UUID"));
    }
}
