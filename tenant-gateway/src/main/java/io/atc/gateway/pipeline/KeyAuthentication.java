package io.atc.gateway.pipeline;

import io.atc.gateway.auth.KeyCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;

/**
 * What the pipeline needs from API-key authentication (bound to {@code auth.PresentedKeys} and
 * {@code auth.KeyAuthenticator}).
 */
public interface KeyAuthentication {

    /** The key the request presents ({@code Authorization: Bearer} or {@code X-Api-Key}), or null when it presents none. */
    String presentedKey(MultiMap headers);

    /** Never fails: every way authentication can end is a {@link KeyCheck} outcome. */
    Uni<KeyCheck> authenticate(String presentedKey);
}
