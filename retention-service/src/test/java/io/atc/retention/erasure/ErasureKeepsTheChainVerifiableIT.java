package io.atc.retention.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.atc.core.audit.AuditPayloads;
import io.atc.core.blobs.FilesystemBlobStore;
import io.atc.retention.support.PackagedRetention;
import io.atc.retention.support.StoredHistory;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedService;
import io.vertx.core.json.JsonObject;

/**
 * After an erasure through the packaged retention-service tombstoned the audit payloads about a
 * device, the operator's verifier (bin/audit-verify, the audit-service's own chain verifier) still
 * verifies the tenant's whole chain: the tombstones are authorised by the erasure's audit.erasure event
 * and no hash was rewritten. Needs the audit-service packaged (the reactor builds it first).
 * Breaks when: the erasure tombstones without an audit.erasure event listing the seqs, rewrites a
 * hash, or appends outside the chain.
 */
class ErasureKeepsTheChainVerifiableIT {

    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theTenantsChainVerifiesAfterAnErasure() throws Exception {
        assertThat(CHECKOUT.resolve("audit-service/target/quarkus-app"))
                .as("package the audit-service first (mvn -B -o verify -pl retention-service,audit-service -am)")
                .isDirectory();
        Path blobDir = Files.createTempDirectory("atc-retention-it-erasure-");
        StoredHistory history = StoredHistory.newTenant("Verified erasure org", new FilesystemBlobStore(blobDir));
        UUID device = UUID.randomUUID();
        history.events(history.site(0), device, 5, Duration.ofDays(2));
        history.images(history.site(1), device, 2, Duration.ofDays(2));
        appendAbout(history.tenantId(), "device:" + device);
        appendAbout(history.tenantId(), "device:" + UUID.randomUUID());
        appendAbout(history.tenantId(), "device:" + device);

        JsonObject receipt;
        try (PackagedService service = PackagedRetention.start(blobDir, Map.of())) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(service.url() + "/v1/erasures"))
                                    .header(
                                            "Authorization",
                                            "Bearer " + InternalTokens.forTenant(history.tenantId(), "admin"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"deviceId\":\"" + device + "\",\"reason\":\"GDPR art. 17\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            receipt = new JsonObject(response.body());
        }
        assertThat(receipt.getJsonArray("tombstonedSeqs").getList()).hasSize(2);
        assertThat(receipt.getLong("eventsDeleted")).isEqualTo(5);
        assertThat(receipt.getLong("imagesDeleted")).isEqualTo(2);

        List<String> output = verify(history.tenantId());
        assertThat(output)
                .anyMatch(
                        line -> line.startsWith(history.tenantId() + " OK through seq " + receipt.getLong("auditSeq")));
    }

    /** An audited mutation of another service about the subject, with personal data in its payload. */
    private static void appendAbout(UUID tenant, String target) throws Exception {
        byte[] canonical = AuditPayloads.canonicalJson(Map.of("name", "Alice's doorbell"));
        byte[] salt = AuditPayloads.newSalt();
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement append =
                    app.prepareStatement("select seq from audit.append(?, ?, ?, ?::jsonb, ?, ?)")) {
                append.setString(1, "user:test");
                append.setString(2, "device.renamed");
                append.setString(3, target);
                append.setString(4, new String(canonical, StandardCharsets.UTF_8));
                append.setBytes(5, salt);
                append.setBytes(6, AuditPayloads.payloadHash(salt, canonical));
                append.execute();
            }
            app.commit();
        }
    }

    /** bin/audit-verify for the tenant, as docs/audit.md shows it; its exit code must be 0. */
    private static List<String> verify(UUID tenant) throws Exception {
        Path log = Files.createTempFile("audit-verify", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        List.of("bin/audit-verify", "--tenant", tenant.toString(), "--skip-checkpoints"))
                .directory(CHECKOUT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ATC_"));
        builder.environment().put("ATC_DB_URL", TestDatabase.shared().target().uri());
        builder.environment()
                .put("ATC_DB_APP_USER", TestDatabase.shared().target().appUser());
        builder.environment()
                .put("ATC_DB_APP_PASSWORD", TestDatabase.shared().target().appPassword());
        builder.environment()
                .put(
                        "ATC_AUDIT_CHECKPOINT_DIR",
                        Files.createTempDirectory("atc-checkpoints-").toString());
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("audit-verify finishes")
                    .isTrue();
            List<String> output = new ArrayList<>(Files.readAllLines(log));
            assertThat(process.exitValue()).as(String.join("\n", output)).isZero();
            return output;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
