package io.atc.gateway.identity;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.atc.core.startup.StartupRefusal;
import io.quarkus.runtime.StartupEvent;

/** Without a usable signing key every forwarded request would be rejected upstream: refuse to start instead. */
@ApplicationScoped
public class SigningKeyStartupCheck {

    private final Optional<String> privateKey;
    private final Optional<String> publicKey;

    public SigningKeyStartupCheck(@ConfigProperty(name = "atc.internal-jwt.private-key") Optional<String> privateKey,
            @ConfigProperty(name = "atc.internal-jwt.public-key") Optional<String> publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    void onStart(@Observes StartupEvent event) {
        InternalTokenMinter.problemWith(privateKey, publicKey)
                .ifPresent(problem -> StartupRefusal.refuse("ATC-STARTUP-CONFIG " + problem));
    }
}
