package io.atc.keys.crypto;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.atc.core.startup.StartupRefusal;
import io.quarkus.runtime.StartupEvent;

/** Without its pepper the keys service could neither issue nor find a key: refuse to start instead. */
@ApplicationScoped
public class PepperStartupCheck {

    private final Optional<String> pepper;

    public PepperStartupCheck(@ConfigProperty(name = "atc.keys.pepper") Optional<String> pepper) {
        this.pepper = pepper;
    }

    void onStart(@Observes StartupEvent event) {
        KeyFingerprints.problemWith(pepper).ifPresent(problem -> StartupRefusal.refuse("ATC-STARTUP-CONFIG " + problem));
    }
}
