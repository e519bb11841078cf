package io.atc.audit.events;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.atc.audit.verify.StoredChain;
import io.atc.core.errors.ProblemException;

/**
 * The optional filters of the event listing, checked here so that a bad one is a 422 naming its parameter
 * and only well-formed text reaches the (parameterised) query. Absent or empty means no filter; all combine
 * with AND. NUL and unpaired surrogates never get this far (platform-core's StorableParametersOnly).
 */
public record AuditEventFilter(
        String action, String actionPrefix, String actor, OffsetDateTime since, OffsetDateTime until) {

    public static final int MAX_TEXT = 200;
    static final String WILDCARD = ".*";
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    public static final AuditEventFilter NONE = new AuditEventFilter(null, null, null, null, null);

    public static AuditEventFilter of(String action, String actor, String since, String until) {
        String actionText = text("action", action);
        boolean prefix = actionText != null && actionText.endsWith(WILDCARD);
        if (prefix && actionText.length() == WILDCARD.length()) {
            throw ProblemException.invalid("action", "must name an action, or a prefix before .* (e.g. key.*)");
        }
        if (actionText != null
                && actionText.indexOf('*') >= 0
                && !(prefix && actionText.indexOf('*') == actionText.length() - 1)) {
            throw ProblemException.invalid("action", "may hold * only at its end, after a dot (e.g. key.*)");
        }
        OffsetDateTime from = instant("since", since);
        OffsetDateTime to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("until", "must be after since");
        }
        return new AuditEventFilter(
                prefix ? null : actionText,
                prefix ? actionText.substring(0, actionText.length() - 1) : null,
                text("actor", actor),
                from,
                to);
    }

    /** The query's extra conditions, over parameters numbered from {@code firstParameter}, and their values. */
    StoredChain.Conditions conditions(int firstParameter) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (action != null) {
            values.add(action);
            where.add("action = $" + (firstParameter + values.size() - 1));
        }
        if (actionPrefix != null) {
            values.add(actionPrefix);
            where.add("starts_with(action, $" + (firstParameter + values.size() - 1) + ")");
        }
        if (actor != null) {
            values.add(actor);
            where.add("actor = $" + (firstParameter + values.size() - 1));
        }
        if (since != null) {
            values.add(since);
            where.add("occurred_at >= $" + (firstParameter + values.size() - 1));
        }
        if (until != null) {
            values.add(until);
            where.add("occurred_at < $" + (firstParameter + values.size() - 1));
        }
        return new StoredChain.Conditions(where, values);
    }

    private static String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ProblemException.invalid(name, "must be at most " + MAX_TEXT + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid(name, "must not contain control characters");
        }
        return value;
    }

    /** An ISO-8601 instant with its offset ({@code 2026-03-01T12:00:00Z}), in UTC; null when absent. */
    private static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String example = "must be an ISO-8601 instant with an offset, e.g. 2026-03-01T12:00:00Z";
        if (value.length() > 64) {
            throw ProblemException.invalid(name, example);
        }
        OffsetDateTime instant;
        try {
            // An offset's unencoded "+" reaches us decoded as a space; no instant has a space otherwise.
            instant = OffsetDateTime.parse(value.replace(' ', '+')).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(name, example);
        }
        if (instant.getYear() < FIRST_YEAR || instant.getYear() > LAST_YEAR) {
            throw ProblemException.invalid(name, "must be between the years " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return instant;
    }
}
