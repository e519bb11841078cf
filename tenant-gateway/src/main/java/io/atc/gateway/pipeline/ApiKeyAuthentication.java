package io.atc.gateway.pipeline;

import java.net.InetAddress;

import jakarta.inject.Singleton;

import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.auth.KeyAuthenticator;
import io.atc.gateway.auth.KeyCheck;
import io.atc.gateway.auth.PresentedKey;
import io.atc.gateway.auth.PresentedKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;

/** API keys as the request presents them ({@link PresentedKeys}), checked by {@link KeyAuthenticator}. */
@Singleton
public class ApiKeyAuthentication implements KeyAuthentication {

    /** A value that never parses as a key: an ambiguous presentation ends as BAD_FORMAT, not MISSING. */
    private static final String AMBIGUOUS = "";

    private final KeyAuthenticator authenticator;

    public ApiKeyAuthentication(KeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public String presentedKey(MultiMap headers) {
        PresentedKey presented = PresentedKeys.from(headers);
        if (presented.present()) {
            return presented.value();
        }
        return presented.problem() == AuthOutcome.MISSING ? null : AMBIGUOUS;
    }

    @Override
    public KeyCheck known(String presentedKey) {
        return authenticator.known(presentedKey);
    }

    @Override
    public Uni<KeyCheck> authenticate(String presentedKey, InetAddress client) {
        return authenticator.authenticate(presentedKey, client);
    }
}
