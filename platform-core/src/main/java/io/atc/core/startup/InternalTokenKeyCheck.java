package io.atc.core.startup;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/** Without the gateway's public key a service could accept no caller at all: refuse to start instead. */
@ApplicationScoped
public class InternalTokenKeyCheck {

    private final Optional<String> publicKey;

    public InternalTokenKeyCheck(@ConfigProperty(name = "atc.internal-jwt.public-key") Optional<String> publicKey) {
        this.publicKey = publicKey;
    }

    void onStart(@Observes StartupEvent event) {
        if (publicKey.filter(key -> !key.isBlank()).isEmpty()) {
            StartupRefusal.refuse("ATC-STARTUP-CONFIG ATC_INTERNAL_JWT_PUBLIC_KEY is not set: services accept only"
                    + " internal tokens signed by the gateway and cannot verify any without its public key");
        }
    }
}
