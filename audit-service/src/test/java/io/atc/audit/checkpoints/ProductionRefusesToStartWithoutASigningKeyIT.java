package io.atc.audit.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedServiceRefusal;

/**
 * The packaged audit-service (production profile) never signs checkpoints with a key of its own
 * making: without ATC_AUDIT_CHECKPOINT_SIGNING_KEY, or with one that is not an Ed25519 key, it
 * exits with one line saying what to set, and leaves no key in the checkpoint directory.
 * The attack it stops: whoever can write the checkpoint store replaces the development key kept
 * there together with the checkpoints it signs.
 * Breaks when: CheckpointKeys falls back to the development key outside the dev and test profiles
 * (main did, silently, in production).
 */
class ProductionRefusesToStartWithoutASigningKeyIT {

    @TempDir
    Path checkpoints;

    @Test
    void noSigningKey() throws Exception {
        PackagedServiceRefusal.assertRefused(
                environment(null), "ATC-STARTUP-CONFIG", "ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not set");
        assertThat(checkpoints.resolve(CheckpointKeys.DEV_KEY_FILE)).doesNotExist();
        try (var files = Files.list(checkpoints)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aSigningKeyThatIsNotAnEd25519Key() throws Exception {
        PackagedServiceRefusal.assertRefused(
                environment("bm90IGEga2V5"),
                "ATC-STARTUP-CONFIG",
                "ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not a base64 PKCS#8 Ed25519 private key");
    }

    private Map<String, String> environment(String signingKey) {
        TestDatabase database = TestDatabase.shared();
        Map<String, String> env = new HashMap<>();
        env.put("ATC_DB_URL", database.target().uri());
        env.put("ATC_DB_APP_USER", database.target().appUser());
        env.put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        env.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        env.put("ATC_AUDIT_CHECKPOINT_DIR", checkpoints.toString());
        env.put("ATC_AUDIT_CHECKPOINT_SIGNING_KEY", signingKey);
        env.put("ATC_AUDIT_CHECKPOINT_GENERATE_DEV_KEY", null);
        env.put("ATC_AUDIT_PORT", "0");
        env.put("ATC_AUDIT_MANAGEMENT_PORT", "0");
        env.put("ATC_LOG_JSON", "false");
        return env;
    }
}
