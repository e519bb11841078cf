package io.atc.edge.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.atc.edge.config.EdgeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tenant intermediates in edge.pki_intermediates: created on a tenant's first certificate, their
 * private key sealed under the KEK, their CRL re-signed whenever the tenant revokes. Runs only inside
 * a tenant transaction, so RLS scopes every statement to that tenant.
 */
@ApplicationScoped
class TenantCas {

    private static final String FIND = """
            select certificate, key_ciphertext, key_nonce, kek_id from edge.pki_intermediates where tenant_id = $1
            """;
    private static final String INSERT = """
            insert into edge.pki_intermediates (tenant_id, certificate, key_ciphertext, key_nonce, kek_id, not_after,
                                                crl, crl_number, crl_this_update, crl_next_update)
            values ($1, $2, $3, $4, $5, $6, $7, 1, now(), $8)
            on conflict (tenant_id) do nothing
            """;
    private static final String NEXT_CRL_NUMBER = """
            select crl_number + 1 as next from edge.pki_intermediates where tenant_id = $1 for update
            """;
    private static final String REVOKED = """
            select serial, revoked_at, revocation_reason from edge.device_certificates
             where tenant_id = $1 and revoked_at is not null and not_after > now()
             order by serial
            """;
    private static final String UPDATE_CRL = """
            update edge.pki_intermediates
               set crl = $2, crl_number = $3, crl_this_update = now(), crl_next_update = $4
             where tenant_id = $1
            """;

    /** A tenant's CA and whether this unit of work created it. */
    record Obtained(TenantCa ca, boolean created) {}

    private final PkiMaterial material;
    private final EdgeConfig.Pki config;

    TenantCas(PkiMaterial material, EdgeConfig config) {
        this.material = material;
        this.config = config.pki();
    }

    /** The tenant's CA, created (with an empty first CRL) when it has none yet. */
    Uni<Obtained> obtain(TenantSql sql) {
        return find(sql)
                .flatMap(found ->
                        found.isPresent() ? Uni.createFrom().item(new Obtained(found.get(), false)) : create(sql));
    }

    Uni<Optional<TenantCa>> find(TenantSql sql) {
        return sql.execute(FIND, Tuple.of(sql.tenantId()))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(open(sql.tenantId(), rows.iterator().next()))
                        : Optional.empty());
    }

    /** Signs a new CRL listing the tenant's revoked, unexpired certificates; returns its number. */
    Uni<Long> reissueCrl(TenantSql sql, TenantCa ca) {
        UUID tenantId = sql.tenantId();
        return sql.execute(NEXT_CRL_NUMBER, Tuple.of(tenantId))
                .map(rows -> rows.iterator().next().getLong("next"))
                .flatMap(number -> sql.execute(REVOKED, Tuple.of(tenantId))
                        .map(TenantCas::revoked)
                        .flatMap(revoked -> WorkerThreads.offload(() -> {
                            Instant now = Instant.now();
                            return new SignedCrl(
                                    ca.crl(revoked, number, now, config.crlValidity()), now.plus(config.crlValidity()));
                        }))
                        .flatMap(crl -> sql.execute(
                                UPDATE_CRL,
                                Tuple.of(
                                        tenantId,
                                        crl.der(),
                                        number,
                                        crl.nextUpdate().atOffset(ZoneOffset.UTC))))
                        .map(updated -> number));
    }

    private Uni<Obtained> create(TenantSql sql) {
        UUID tenantId = sql.tenantId();
        return WorkerThreads.offload(() -> newCa(tenantId))
                .flatMap(created -> sql.execute(INSERT, created.row(tenantId))
                        .flatMap(inserted -> inserted.rowCount() == 1
                                ? Uni.createFrom().item(new Obtained(created.ca(), true))
                                // Another request created it first; the row it committed is the tenant's CA.
                                : find(sql).map(found -> new Obtained(found.orElseThrow(), false))));
    }

    private NewCa newCa(UUID tenantId) {
        Instant now = Instant.now();
        TenantCa ca = material.root().newTenantCa(tenantId, now, config.intermediateValidity());
        KeyEncryptionKey kek = material.kek();
        KeyEncryptionKey.Sealed sealed = kek.seal(ca.key().getEncoded(), associatedData(tenantId));
        byte[] crl = ca.crl(List.of(), 1, now, config.crlValidity());
        return new NewCa(ca, sealed, kek.id(), crl, now.plus(config.crlValidity()));
    }

    private TenantCa open(UUID tenantId, Row row) {
        KeyEncryptionKey kek = material.kek();
        String sealedWith = row.getString("kek_id");
        if (!kek.id().equals(sealedWith)) {
            throw new IllegalStateException("the intermediate of tenant " + tenantId + " is sealed under KEK "
                    + sealedWith + ", but the configured KEK is " + kek.id());
        }
        byte[] pkcs8 = kek.open(
                new KeyEncryptionKey.Sealed(
                        row.getBuffer("key_nonce").getBytes(),
                        row.getBuffer("key_ciphertext").getBytes()),
                associatedData(tenantId));
        X509Certificate certificate =
                Pem.certificate(row.getBuffer("certificate").getBytes());
        return new TenantCa(tenantId, certificate, privateKey(certificate, pkcs8));
    }

    private static PrivateKey privateKey(X509Certificate certificate, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an intermediate key does not decode", e);
        }
    }

    /** Binds a sealed key to its tenant: moved to another tenant's row, it does not open. */
    static byte[] associatedData(UUID tenantId) {
        return ("atc-edge-pki:tenant-ca:" + tenantId).getBytes(StandardCharsets.US_ASCII);
    }

    private static List<RevokedCertificate> revoked(RowSet<Row> rows) {
        return rows.stream()
                .map(row -> new RevokedCertificate(
                        row.getString("serial"),
                        row.getOffsetDateTime("revoked_at").toInstant(),
                        RevocationReason.fromStored(row.getString("revocation_reason"))))
                .toList();
    }

    private record SignedCrl(byte[] der, Instant nextUpdate) {}

    private record NewCa(TenantCa ca, KeyEncryptionKey.Sealed sealed, String kekId, byte[] crl, Instant crlNextUpdate) {

        Tuple row(UUID tenantId) {
            try {
                return Tuple.tuple(List.of(
                        tenantId,
                        io.vertx.core.buffer.Buffer.buffer(ca.certificate().getEncoded()),
                        io.vertx.core.buffer.Buffer.buffer(sealed.ciphertext()),
                        io.vertx.core.buffer.Buffer.buffer(sealed.nonce()),
                        kekId,
                        ca.certificate().getNotAfter().toInstant().atOffset(ZoneOffset.UTC),
                        io.vertx.core.buffer.Buffer.buffer(crl),
                        crlNextUpdate.atOffset(ZoneOffset.UTC)));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
