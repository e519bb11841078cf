package io.atc.keys.console;

import java.time.Duration;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;

/** A sign-in refused by {@link SignInThrottle}; the same answer whether the account exists or not. */
final class SignInThrottled extends ProblemException {

    private final Duration wait;

    SignInThrottled(Duration wait) {
        super(ProblemType.RATE_LIMITED, "Too many failed sign-ins for this account; try again later.");
        this.wait = wait;
    }

    /** Retry-After, in whole seconds, rounded up. */
    long retryAfterSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
