package io.atc.keys.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.keys.apikeys.usage.KeyUse;
import io.atc.keys.apikeys.usage.KeyUseRepository;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.RlsBypassingTool;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Every API key statement names its tenant besides relying on row level security: run by a tool
 * whose role bypasses RLS, bound to tenant X, the repository lists only X's keys and can neither
 * read, lock nor revoke Y's key, nor record a use of it; Y's key stays active and unused.
 * Breaks when: a key statement loses its {@code tenant_id} predicate (on main, without them, the
 * tool listed Y's key, with its prefix, and read, locked and revoked it).
 */
class ApiKeyQueriesNameTheirTenantTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    static final RlsBypassingTool TOOL = new RlsBypassingTool();

    private static final ApiKeyRepository KEYS = new ApiKeyRepository();
    private static final KeyUseRepository USES = new KeyUseRepository();
    private static TenantTransactions asTool;
    private static SyntheticOrganisation x;
    private static SyntheticOrganisation y;
    private static ApiKeyView xsKey;
    private static ApiKeyView ysKey;

    @BeforeAll
    static void organisationsWithAKeyEach() {
        asTool = new TenantTransactions(TOOL.pool());
        x = SyntheticOrganisations.create(TestDatabase.shared(), "Key tool X");
        y = SyntheticOrganisations.create(TestDatabase.shared(), "Key tool Y");
        xsKey = store(x);
        ysKey = store(y);
    }

    @Test
    void listingBoundToXListsOnlyXsKeys() {
        assertThat(asTool.read(x.tenantId(), sql -> KEYS.page(sql, null, 1000))
                        .await()
                        .atMost(WAIT))
                .extracting(ApiKeyView::id)
                .containsExactly(xsKey.id());
    }

    @Test
    void ysKeyCannotBeReadLockedOrRevokedBoundToX() {
        UUID key = ysKey.id();
        AuditEntry attempt = AuditEntry.of("tool", "key.tried", "key:" + key);

        assertThat(asTool.read(x.tenantId(), sql -> KEYS.find(sql, key)).await().atMost(WAIT))
                .isEmpty();
        assertThat(asTool.mutate(x.tenantId(), attempt, sql -> KEYS.lock(sql, key))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        assertThat(asTool.mutate(x.tenantId(), attempt, sql -> KEYS.revoke(sql, key))
                        .await()
                        .atMost(WAIT))
                .isEmpty();

        assertThat(asTool.read(y.tenantId(), sql -> KEYS.find(sql, key)).await().atMost(WAIT))
                .hasValueSatisfying(unchanged -> assertThat(unchanged.status()).isEqualTo("active"));
    }

    @Test
    void ysKeyUseCannotBeRecordedBoundToX() {
        UUID key = ysKey.id();
        KeyUse use = new KeyUse(y.tenantId(), key, OffsetDateTime.now(ZoneOffset.UTC), "192.0.2.1");

        assertThat(asTool.bookkeeping(x.tenantId(), sql -> USES.record(sql, List.of(use)))
                        .await()
                        .atMost(WAIT))
                .isZero();

        assertThat(asTool.read(y.tenantId(), sql -> KEYS.find(sql, key)).await().atMost(WAIT))
                .hasValueSatisfying(
                        unchanged -> assertThat(unchanged.lastUsedAt()).isNull());
    }

    /** A key row as issuing stores it; the values only need to pass the table's checks. */
    private static ApiKeyView store(SyntheticOrganisation organisation) {
        NewKeyRow row = new NewKeyRow(
                UUID.randomUUID(),
                "atc_test_" + hex(6),
                hex(8),
                "$argon2id$not-a-real-hash",
                organisation.name() + " key",
                List.of("admin"),
                List.of(),
                List.of(),
                null,
                "tool");
        return asTool.mutate(
                        organisation.tenantId(),
                        AuditEntry.of("tool", "key.seeded", "key:" + row.keyId()),
                        sql -> KEYS.insert(sql, row))
                .await()
                .atMost(WAIT);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
