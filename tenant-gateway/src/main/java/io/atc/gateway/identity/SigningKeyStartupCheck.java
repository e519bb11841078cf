package io.atc.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.atc.core.config.InternalTokenConfig;
import io.atc.core.startup.StartupRefusal;
import io.quarkus.runtime.StartupEvent;

/** Without a usable signing key every forwarded request would be rejected upstream: refuse to start instead. */
@ApplicationScoped
public class SigningKeyStartupCheck {

    private final InternalTokenConfig config;

    public SigningKeyStartupCheck(InternalTokenConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        InternalTokenMinter.problemWith(config.privateKey(), config.publicKey())
                .ifPresent(problem -> StartupRefusal.refuse("ATC-STARTUP-CONFIG " + problem));
    }
}
