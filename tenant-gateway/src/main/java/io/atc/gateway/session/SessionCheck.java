package io.atc.gateway.session;

import java.util.List;
import java.util.UUID;

/**
 * How checking a console session presented on the API ended: the user's identity, a refusal (no such
 * live session, or a change without its CSRF token), or no answer from the keys-service.
 */
public record SessionCheck(Outcome outcome, UUID tenant, UUID userId, List<String> scopes) {

    public enum Outcome {
        OK,
        REFUSED,
        UNAVAILABLE
    }

    public SessionCheck {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public static SessionCheck ok(UUID tenant, UUID userId, List<String> scopes) {
        return new SessionCheck(Outcome.OK, tenant, userId, scopes);
    }

    public static SessionCheck failed(Outcome outcome) {
        return new SessionCheck(outcome, null, null, List.of());
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
