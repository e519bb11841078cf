package io.atc.audit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the audit-service, {@code atc.audit.*} (docs/configuration.md, "Audit"). */
@ConfigMapping(prefix = "atc.audit")
public interface AuditConfig {

    Checkpoint checkpoint();

    Verify verify();

    /** {@code POST /v1/audit/verify}: the default verifies from the newest checkpoint; a full one is limited. */
    interface Verify {

        /** Full verifications (mode=full) a tenant may start per hour; joining one in progress is free. */
        @WithDefault("4")
        @Min(1)
        @Max(60)
        int fullPerHour();

        /** Full verifications running at once on this instance, all tenants together. */
        @WithDefault("2")
        @Min(1)
        @Max(16)
        int fullConcurrent();
    }

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
