package io.atc.audit.checkpoints;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.atc.audit.AuditServiceTestResources;
import io.atc.audit.AuditedTenant;
import io.atc.core.audit.AuditEntry;
import io.atc.core.crypto.Ed25519Keys;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Checkpoints are signed with Ed25519 and stored outside the database; anyone holding the public
 * key verifies them offline; a forged checkpoint is reported; and the checkpointer never signs a
 * chain that no longer passes through its previous checkpoint (a rewound then regrown chain).
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class SignedCheckpointsTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DIR = AuditServiceTestResources.CHECKPOINTS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TenantTransactions transactions;

    @Inject
    Checkpointer checkpointer;

    @Inject
    CheckpointKeys keys;

    @Test
    void aMovedChainGetsOneSignedCheckpointThatVerifiesOfflineWithThePublicKey() throws Exception {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 3);
        checkpointer.checkpointMovedChains().await().atMost(WAIT);
        checkpointer.checkpointMovedChains().await().atMost(WAIT);

        List<Path> files = checkpointFiles(tenant);
        assertThat(files).hasSize(1);
        JsonNode file = JSON.readTree(files.get(0).toFile());
        assertThat(file.path("seq").asLong()).isEqualTo(3);

        PublicKey key = Ed25519Keys.publicKey(keys.publicKeyBase64());
        Checkpoint checkpoint = CheckpointFiles.newest(DIR, tenant.id(), key).orElseThrow();
        assertThat(Ed25519Keys.verify(
                        key, checkpoint.signedBytes(), file.path("signature").asText()))
                .isTrue();
        assertThat(new String(checkpoint.signedBytes()))
                .startsWith("{\"headHash\":\"")
                .contains("\"seq\":3")
                .contains("\"tenant\":\"" + tenant.id());
    }

    @Test
    void theDevelopmentSigningKeyIsKeptPrivateBesideTheCheckpoints() throws Exception {
        Path devKey = DIR.resolve(CheckpointKeys.DEV_KEY_FILE);
        assertThat(devKey).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(devKey)))
                .isEqualTo("rw-------");
    }

    @Test
    void aForgedCheckpointIsReported() throws Exception {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 2);
        checkpointer.checkpointMovedChains().await().atMost(WAIT);
        Path file = checkpointFiles(tenant).get(0);
        ObjectNode forged = (ObjectNode) JSON.readTree(file.toFile());
        forged.put("seq", 1);
        Files.write(file, JSON.writeValueAsBytes(forged));

        given().auth()
                .oauth2(tenant.token())
                .post("/v1/audit/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("reason", equalTo("checkpoint-invalid"));
    }

    @Test
    void aRewoundThenRegrownChainIsNeverSignedOver() throws Exception {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 10);
        checkpointer.checkpointMovedChains().await().atMost(WAIT);
        try (var owner = TestDatabase.shared().connectAsOwner();
                var sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, tenant.id());
            sql.execute("alter table audit.events disable trigger user");
            sql.execute("alter table audit.chain_heads disable trigger user");
            sql.execute("delete from audit.events where seq >= 8");
            sql.execute(
                    "update audit.chain_heads h set seq = 7, head_hash = e.hash from audit.events e where e.seq = 7");
            sql.execute("alter table audit.events enable trigger user");
            sql.execute("alter table audit.chain_heads enable trigger user");
            owner.commit();
        }
        for (int i = 0; i < 5; i++) {
            transactions
                    .mutate(tenant.id(), sql -> sql.execute("select 1")
                            .map(rows ->
                                    Audited.of(0, new AuditEntry("key:intruder", "test.event", "site:x", Map.of()))))
                    .await()
                    .atMost(WAIT);
        }

        checkpointer.checkpointMovedChains().await().atMost(WAIT);

        assertThat(checkpointFiles(tenant)).hasSize(1);
        given().auth()
                .oauth2(tenant.token())
                .post("/v1/audit/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("firstBadSeq", equalTo(10))
                .body("reason", equalTo("rewound"));
    }

    private static List<Path> checkpointFiles(AuditedTenant tenant) throws Exception {
        Path tenantDir = DIR.resolve(tenant.id().toString());
        if (!Files.isDirectory(tenantDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tenantDir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
