package io.atc.edge.history;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.atc.core.errors.Problem;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.edge.ids.Uuids;

/**
 * Query parameters of the history reads, parsed here rather than by JAX-RS so that a malformed one is a
 * 400 naming it (a conversion failure would be a bare 404), and out-of-range text never reaches Postgres.
 */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private QueryParameters() {}

    /** Null when absent. */
    static UUID optionalUuid(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return Uuids.parseCanonical(text).orElseThrow(() -> malformed(name, "must be a UUID"));
    }

    static UUID requiredUuid(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw malformed(name, "is required: ids chosen by devices are unique per device");
        }
        return optionalUuid(name, text);
    }

    /** An ISO-8601 instant with its offset ({@code 2026-03-01T12:00:00Z}), in UTC; null when absent. */
    static OffsetDateTime optionalInstant(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        OffsetDateTime instant;
        try {
            // An offset's unencoded "+" reaches us decoded as a space; no instant has a space otherwise.
            instant = OffsetDateTime.parse(text.replace(' ', '+')).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw malformed(name, "must be an ISO-8601 instant with an offset, e.g. 2026-03-01T12:00:00Z");
        }
        if (!withinStorableYears(instant)) {
            throw malformed(name, "must be between the years " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return instant;
    }

    static boolean withinStorableYears(OffsetDateTime instant) {
        int year = instant.withOffsetSameInstant(ZoneOffset.UTC).getYear();
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw malformed("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (limit < 1) {
            throw ProblemException.invalid("limit", "must be at least 1");
        }
        if (limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be at most " + MAX_LIMIT);
        }
        return limit;
    }

    static ProblemException malformed(String name, String message) {
        return new ProblemException(
                ProblemType.MALFORMED_REQUEST, name + ": " + message, List.of(new Problem.FieldError(name, message)));
    }
}
