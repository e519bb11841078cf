package io.atc.gateway.pipeline;

import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.auth.KeyCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;

/**
 * Stands in until the key authenticator is bound: fails closed, answering every key with
 * "unavailable" (503) rather than letting anything through.
 */
final class KeyAuthenticationUnbound implements KeyAuthentication {

    private static final Uni<KeyCheck> UNAVAILABLE = Uni.createFrom().item(KeyCheck.failed(AuthOutcome.OVERLOADED));

    @Override
    public String presentedKey(MultiMap headers) {
        String authorization = headers.get("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return headers.get("X-Api-Key");
    }

    @Override
    public Uni<KeyCheck> authenticate(String presentedKey) {
        return UNAVAILABLE;
    }
}
