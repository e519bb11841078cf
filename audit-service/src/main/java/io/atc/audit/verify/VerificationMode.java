package io.atc.audit.verify;

import java.util.Locale;

import io.atc.core.errors.ProblemException;

/**
 * How much of a chain {@code POST /v1/audit/verify} re-hashes. The default, {@link #INCREMENTAL},
 * starts at the newest signed checkpoint; {@link #FULL} re-hashes every event from genesis and is
 * limited per tenant ({@link VerificationFlights}).
 */
public enum VerificationMode {
    INCREMENTAL,
    FULL;

    public static VerificationMode parse(String value) {
        if (value == null || value.isEmpty()) {
            return INCREMENTAL;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("mode", "must be incremental (the default) or full");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
