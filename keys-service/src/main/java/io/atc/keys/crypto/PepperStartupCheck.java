package io.atc.keys.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.atc.core.startup.StartupRefusal;
import io.atc.keys.config.KeysConfig;
import io.quarkus.runtime.StartupEvent;

/** Without its pepper the keys service could neither issue nor find a key: refuse to start instead. */
@ApplicationScoped
public class PepperStartupCheck {

    private final KeysConfig config;

    public PepperStartupCheck(KeysConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        KeyFingerprints.problemWith(config.pepper())
                .ifPresent(problem -> StartupRefusal.refuse("ATC-STARTUP-CONFIG " + problem));
    }
}
