package io.atc.keys.apikeys.verify;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.audit.AuditEntry;
import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.KeyVerdict;
import io.atc.core.keys.ParsedApiKey;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.keys.apikeys.KeyStatus;
import io.atc.keys.crypto.Argon2idHasher;
import io.atc.keys.crypto.KeyFingerprints;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Verifies a presented key for the gateway. A wrong shape, another environment or a bad checksum
 * is rejected before any database or argon2 work. Otherwise the fingerprint finds the row (through
 * the narrow keys.key_by_fingerprint function) and argon2id compares the secret in constant time;
 * when no row matches, the same argon2id work runs against a decoy, so an unknown key costs what a
 * known one costs. A hash weaker than today's parameters is upgraded on successful use.
 */
@ApplicationScoped
public class KeyVerifier {

    private static final Logger LOG = Logger.getLogger(KeyVerifier.class);
    private static final String REHASH =
            "update keys.api_keys set secret_hash = $2 where key_id = $1 and tenant_id = $3";

    private final CrossTenantReads reads;
    private final TenantTransactions transactions;
    private final ApiKeyFormat format;
    private final KeyFingerprints fingerprints;
    private final Argon2idHasher hasher;
    private final MeterRegistry meters;

    public KeyVerifier(
            CrossTenantReads reads,
            TenantTransactions transactions,
            ApiKeyFormat format,
            KeyFingerprints fingerprints,
            Argon2idHasher hasher,
            MeterRegistry meters) {
        this.reads = reads;
        this.transactions = transactions;
        this.format = format;
        this.fingerprints = fingerprints;
        this.hasher = hasher;
        this.meters = meters;
    }

    public Uni<KeyVerdict> verify(String presented) {
        Optional<ParsedApiKey> parsed = format.parse(presented);
        if (parsed.isEmpty()) {
            return counted("bad-format", Uni.createFrom().item(KeyVerdict.unknown()));
        }
        ParsedApiKey key = parsed.get();
        return reads.read(CrossTenantRead.KEY_BY_FINGERPRINT, Tuple.of(fingerprints.of(key.raw())))
                .flatMap(rows -> rows.iterator().hasNext()
                        ? against(rows.iterator().next(), key)
                        : counted("unknown", hasher.verifyDecoy(key.raw()).map(ignored -> KeyVerdict.unknown())));
    }

    private Uni<KeyVerdict> against(Row row, ParsedApiKey key) {
        String storedHash = row.getString("secret_hash");
        return hasher.verify(storedHash, key.raw()).flatMap(matches -> {
            if (!matches || !row.getString("prefix").equals(key.prefix())) {
                return counted("unknown", Uni.createFrom().item(KeyVerdict.unknown()));
            }
            UUID tenant = row.getUUID("tenant_id");
            UUID keyId = row.getUUID("key_id");
            KeyStatus status = KeyStatus.of(row.getOffsetDateTime("revoked_at"), row.getOffsetDateTime("expires_at"));
            if (status != KeyStatus.ACTIVE) {
                return counted(
                        status.label(),
                        Uni.createFrom().item(KeyVerdict.inactive(status.label(), tenant, keyId, key.prefix())));
            }
            KeyVerdict verdict = new KeyVerdict(
                    status.label(),
                    tenant,
                    keyId,
                    key.prefix(),
                    Arrays.asList(row.getArrayOfStrings("scopes")),
                    row.getOffsetDateTime("expires_at"),
                    Arrays.asList(row.getArrayOfStrings("allowed_cidrs")),
                    Arrays.asList(row.getArrayOfStrings("allowed_origins")));
            Uni<KeyVerdict> result = Uni.createFrom().item(verdict);
            if (hasher.needsRehash(storedHash)) {
                result = upgrade(tenant, keyId, key).replaceWith(verdict);
            }
            return counted("active", result);
        });
    }

    private Uni<Void> upgrade(UUID tenant, UUID keyId, ParsedApiKey key) {
        return hasher.hash(key.raw())
                .flatMap(hash -> transactions.mutate(tenant, sql -> sql.execute(REHASH, Tuple.of(keyId, hash, tenant))
                        .map(updated -> Audited.of(
                                (Void) null,
                                new AuditEntry(
                                        "platform",
                                        "key.hash.upgraded",
                                        "key:" + keyId,
                                        Map.of("prefix", key.prefix()))))))
                .onFailure()
                .invoke(e -> LOG.warnf("could not upgrade the hash of key %s: %s", keyId, e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }

    private <T> Uni<T> counted(String outcome, Uni<T> verdict) {
        return verdict.invoke(() ->
                meters.counter("atc.keys.verifications", "outcome", outcome).increment());
    }
}
