package io.atc.core.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.atc.core.config.InternalTokenConfig;
import io.quarkus.runtime.StartupEvent;

/** Without the gateway's public key a service could accept no caller at all: refuse to start instead. */
@ApplicationScoped
public class InternalTokenKeyCheck {

    private final InternalTokenConfig config;

    public InternalTokenKeyCheck(InternalTokenConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.publicKey().filter(key -> !key.isBlank()).isEmpty()) {
            StartupRefusal.refuse("ATC-STARTUP-CONFIG ATC_INTERNAL_JWT_PUBLIC_KEY is not set: services accept only"
                    + " internal tokens signed by the gateway and cannot verify any without its public key");
        }
    }
}
