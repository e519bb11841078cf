package io.atc.edge.pki;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.atc.core.startup.StartupRefusal;
import io.atc.edge.config.EdgeConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The root CA and the key-encryption key, loaded once at start-up. Without them the service
 * refuses to start (one line naming what to set) rather than fail its first certificate request.
 */
@ApplicationScoped
public class PkiMaterial {

    private final EdgeConfig.Pki config;
    private volatile PkiMaterialLoader.Loaded loaded;

    public PkiMaterial(EdgeConfig config) {
        this.config = config.pki();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            loaded = new PkiMaterialLoader(config, Instant.now()).load();
        } catch (PkiMaterialLoader.UnusableMaterial e) {
            StartupRefusal.refuse("ATC-STARTUP-PKI " + e.getMessage());
        }
    }

    public RootCa root() {
        return material().root();
    }

    KeyEncryptionKey kek() {
        return material().kek();
    }

    private PkiMaterialLoader.Loaded material() {
        PkiMaterialLoader.Loaded current = loaded;
        if (current == null) {
            throw new IllegalStateException("the device PKI material is not loaded");
        }
        return current;
    }
}
