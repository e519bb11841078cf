package io.atc.edge.history;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.atc.core.errors.ProblemException;

/**
 * Which of a site's events a list shows: occurred at or after {@code from} and before {@code to}, of one
 * device, of one type; a null part does not filter.
 */
record EventFilter(OffsetDateTime from, OffsetDateTime to, UUID deviceId, String type) {

    private static final int LONGEST_TYPE = 100;

    static EventFilter parse(String from, String to, String deviceId, String type) {
        OffsetDateTime start = QueryParameters.optionalInstant("from", from);
        OffsetDateTime end = QueryParameters.optionalInstant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw QueryParameters.malformed("from", "must be before to");
        }
        if (type != null && type.length() > LONGEST_TYPE) {
            throw ProblemException.invalid("type", "must be at most " + LONGEST_TYPE + " characters");
        }
        return new EventFilter(
                start,
                end,
                QueryParameters.optionalUuid("deviceId", deviceId),
                type == null || type.isEmpty() ? null : type);
    }
}
