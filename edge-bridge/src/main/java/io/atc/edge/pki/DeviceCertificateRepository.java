package io.atc.edge.pki;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL for devices' certificates; runs only inside a tenant transaction, so RLS scopes every statement. */
@ApplicationScoped
class DeviceCertificateRepository {

    // Locks the device row: two concurrent issues for one device would otherwise each find no
    // certificate to revoke and both leave theirs valid.
    private static final String DEVICE = """
            select device_id, site_id, broker_username, enabled from edge.devices
             where site_id = $1 and device_id = $2 and tenant_id = $3
               for update
            """;
    private static final String REVOKE_ACTIVE = """
            update edge.device_certificates set revoked_at = now(), revocation_reason = $2
             where tenant_id = $3 and device_id = $1 and revoked_at is null
            returning serial
            """;
    private static final String HAS_VALID = """
            select exists (select 1 from edge.device_certificates
                            where tenant_id = $1 and device_id = $2 and revoked_at is null and not_after > now())
            """;
    private static final String INSERT = """
            insert into edge.device_certificates (tenant_id, serial, device_id, site_id, subject, fingerprint, key_source,
                                                  certificate, not_before, not_after)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """;

    Uni<Optional<CertifiableDevice>> findDevice(TenantSql sql, UUID siteId, UUID deviceId) {
        return sql.execute(DEVICE, Tuple.of(siteId, deviceId, sql.tenantId()))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(CertifiableDevice.from(rows.iterator().next()))
                        : Optional.empty());
    }

    Uni<Boolean> hasValidCertificate(TenantSql sql, UUID deviceId) {
        return sql.execute(HAS_VALID, Tuple.of(sql.tenantId(), deviceId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Revokes the device's certificates that are not revoked yet; returns their serials. */
    Uni<List<String>> revokeActive(TenantSql sql, UUID deviceId, RevocationReason reason) {
        return sql.execute(REVOKE_ACTIVE, Tuple.of(deviceId, reason.stored(), sql.tenantId()))
                .map(rows -> rows.stream()
                        .map((Row row) -> row.getString("serial"))
                        .sorted()
                        .toList());
    }

    Uni<Void> insert(
            TenantSql sql, CertifiableDevice device, X509Certificate certificate, String subject, KeySource keySource) {
        try {
            return sql.execute(
                            INSERT,
                            Tuple.tuple(List.of(
                                    sql.tenantId(),
                                    CertificateSigning.hex(certificate.getSerialNumber()),
                                    device.deviceId(),
                                    device.siteId(),
                                    subject,
                                    CertificateSigning.fingerprint(certificate),
                                    keySource.stored(),
                                    Buffer.buffer(certificate.getEncoded()),
                                    certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC),
                                    certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC))))
                    .replaceWithVoid();
        } catch (CertificateEncodingException e) {
            return Uni.createFrom().failure(new IllegalStateException(e));
        }
    }
}
