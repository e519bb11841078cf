package io.atc.audit.verify;

import java.time.Duration;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;

/** A full verification the limits do not allow now: 429 rate-limited, Retry-After {@link #retryAfter()}. */
public final class FullVerificationRefused extends ProblemException {

    private final Duration retryAfter;

    FullVerificationRefused(String detail, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
