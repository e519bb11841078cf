package io.atc.retention.plan;

import io.atc.core.errors.ProblemException;
import io.atc.core.retention.RetentionDays;

/**
 * A site's own value of one kind (events or images) as a what-if preview proposes it, unsaved: a number of
 * days, or {@link #INHERIT} (no value of its own, so the tenant's default or the platform's applies).
 */
public record ProposedDays(Integer days) {

    public static final String INHERIT_WORD = "inherit";
    public static final ProposedDays INHERIT = new ProposedDays(null);

    /**
     * {@code value} as a query parameter gives it: null when absent or empty (the saved value stands), else whole
     * days within {@link RetentionDays} or the word {@value #INHERIT_WORD}; anything else is a 422 naming
     * {@code name}.
     */
    public static ProposedDays parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase(INHERIT_WORD)) {
            return INHERIT;
        }
        String expected =
                "must be whole days from " + RetentionDays.MIN + " to " + RetentionDays.MAX + ", or " + INHERIT_WORD;
        if (!trimmed.matches("[0-9]{1,9}")) {
            throw ProblemException.invalid(name, expected);
        }
        int days = Integer.parseInt(trimmed);
        if (days < RetentionDays.MIN || days > RetentionDays.MAX) {
            throw ProblemException.invalid(name, expected);
        }
        return new ProposedDays(days);
    }

    /** The site's own value with this proposal in place of {@code saved}; a null proposal keeps it. */
    static Integer over(ProposedDays proposal, Integer saved) {
        return proposal == null ? saved : proposal.days();
    }
}
