package io.atc.audit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the audit-service, {@code atc.audit.*} (docs/configuration.md, "Audit"). */
@ConfigMapping(prefix = "atc.audit")
public interface AuditConfig {

    Checkpoint checkpoint();

    /** Signed checkpoints of every chain (rewind detection), kept outside the database (docs/audit.md). */
    interface Checkpoint {

        /** Where checkpoints are written (application.properties: under the user's home). */
        Path dir();

        /** How often moved chains are checkpointed (checkpoints.Checkpointer's schedule reads it). */
        @WithDefault("30s")
        @DurationMin(seconds = 1)
        Duration interval();

        /** Base64 PKCS#8 Ed25519 private key (a secret); required, checked at start-up (CheckpointKeys). */
        Optional<String> signingKey();

        /** Without a signing key, generate a development key in the checkpoint directory (dev and test profiles). */
        @WithDefault("false")
        boolean generateDevKey();
    }
}
