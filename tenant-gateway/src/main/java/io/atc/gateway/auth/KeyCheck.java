package io.atc.gateway.auth;

import io.atc.gateway.identity.AuthenticatedKey;

/**
 * The result of authenticating a presented key: an outcome, the key when it is {@link AuthOutcome#OK},
 * and the seconds to wait when it is {@link AuthOutcome#THROTTLED} (0 otherwise).
 */
public record KeyCheck(AuthOutcome outcome, AuthenticatedKey key, long retryAfterSeconds) {

    public static KeyCheck ok(AuthenticatedKey key) {
        return new KeyCheck(AuthOutcome.OK, java.util.Objects.requireNonNull(key, "key"), 0);
    }

    public static KeyCheck failed(AuthOutcome outcome) {
        if (outcome == AuthOutcome.OK) {
            throw new IllegalArgumentException("a failed check needs a failure outcome");
        }
        return new KeyCheck(outcome, null, 0);
    }

    public static KeyCheck throttled(long retryAfterSeconds) {
        return new KeyCheck(AuthOutcome.THROTTLED, null, Math.max(1, retryAfterSeconds));
    }

    public boolean ok() {
        return outcome == AuthOutcome.OK;
    }
}
