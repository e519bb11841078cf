package io.atc.gateway.auth;

import io.atc.gateway.identity.AuthenticatedKey;

/** The result of authenticating a presented key: an outcome, and the key when it is {@link AuthOutcome#OK}. */
public record KeyCheck(AuthOutcome outcome, AuthenticatedKey key) {

    public static KeyCheck ok(AuthenticatedKey key) {
        return new KeyCheck(AuthOutcome.OK, java.util.Objects.requireNonNull(key, "key"));
    }

    public static KeyCheck failed(AuthOutcome outcome) {
        if (outcome == AuthOutcome.OK) {
            throw new IllegalArgumentException("a failed check needs a failure outcome");
        }
        return new KeyCheck(outcome, null);
    }

    public boolean ok() {
        return outcome == AuthOutcome.OK;
    }
}
