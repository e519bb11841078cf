package io.atc.gateway.pipeline;

import java.net.InetAddress;

import io.atc.gateway.auth.KeyCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;

/**
 * What the pipeline needs from API-key authentication (bound to {@code auth.PresentedKeys} and
 * {@code auth.KeyAuthenticator} by {@link ApiKeyAuthentication}).
 */
public interface KeyAuthentication {

    /** The key the request presents ({@code Authorization: Bearer} or {@code X-Api-Key}), or null when it presents none. */
    String presentedKey(MultiMap headers);

    /** The check when it is known at once (a cached key or refusal, a malformed key), else null: then {@link #authenticate}. */
    default KeyCheck known(String presentedKey) {
        return null;
    }

    /**
     * Never fails: every way authentication can end is a {@link KeyCheck} outcome.
     * @param client the resolved client address, whose budget of cold verifications pays
     */
    Uni<KeyCheck> authenticate(String presentedKey, InetAddress client);
}
