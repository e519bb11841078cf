package io.atc.edge.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.audit.AuditEntry;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.edge.broker.BrokerConfirmation;
import io.atc.edge.broker.DeviceBrokerIdentities;
import io.atc.edge.broker.DeviceIdentity;
import io.atc.edge.broker.IdentityChangeLock;
import io.atc.edge.config.EdgeConfig;
import io.smallrye.mutiny.Uni;

/**
 * Issuing, rotating and revoking device certificates; each call is one audited tenant transaction.
 * <p>
 * Broker changes that widen access (the device's certificate login) happen inside the transaction,
 * before the commit, so a failure issues nothing (503). Changes that narrow access follow the order
 * that fails closed: the certificate login of a revoked device is deleted before the commit; the
 * CRL file is rewritten after it (the CRL publisher retries it every interval if this attempt fails).
 */
@ApplicationScoped
public class DeviceCertificates {

    private static final Logger LOG = Logger.getLogger(DeviceCertificates.class);

    private final TenantTransactions transactions;
    private final DeviceCertificateRepository repository;
    private final TenantCas tenantCas;
    private final DeviceBrokerIdentities broker;
    private final CrlPublisher crls;
    private final EdgeConfig.Pki config;

    public DeviceCertificates(
            TenantTransactions transactions,
            DeviceCertificateRepository repository,
            TenantCas tenantCas,
            DeviceBrokerIdentities broker,
            CrlPublisher crls,
            EdgeConfig config) {
        this.transactions = transactions;
        this.repository = repository;
        this.tenantCas = tenantCas;
        this.broker = broker;
        this.crls = crls;
        this.config = config.pki();
    }

    /**
     * Issues a certificate for the device, revoking the ones it had (rotation). With a CSR the device
     * keeps its key; without, the platform generates one and returns it in the result only.
     */
    public Uni<IssuedDeviceCertificate> issue(Caller caller, UUID siteId, UUID deviceId, Optional<String> csrPem) {
        return WorkerThreads.offload(() -> csrPem.map(DeviceKey::fromCsr).orElseGet(DeviceKey::generated))
                .flatMap(key -> BrokerConfirmation.required(
                        transactions.mutate(caller.tenantId(), sql -> issue(sql, caller, siteId, deviceId, key))))
                .call(this::afterCommit)
                .map(Issuance::certificate);
    }

    /** Revokes every valid certificate of the device and deletes its certificate login at the broker. */
    public Uni<RevokedDeviceCertificates> revoke(Caller caller, UUID siteId, UUID deviceId) {
        return BrokerConfirmation.required(
                        transactions.mutate(caller.tenantId(), sql -> revoke(sql, caller, siteId, deviceId)))
                .call(revoked -> revoked.revokedSerials().isEmpty()
                        ? Uni.createFrom().voidItem()
                        : publishCrls("revocation of " + revoked.revokedSerials()));
    }

    /** Whether the device holds a certificate that is neither revoked nor expired. */
    public Uni<Boolean> hasValidCertificate(TenantSql sql, UUID deviceId) {
        return repository.hasValidCertificate(sql, deviceId);
    }

    private Uni<Audited<Issuance>> issue(TenantSql sql, Caller caller, UUID siteId, UUID deviceId, DeviceKey key) {
        return device(sql, siteId, deviceId).flatMap(device -> {
            if (!device.enabled()) {
                throw new ProblemException(
                        ProblemType.CONFLICT, "device " + deviceId + " is disabled; enable it first");
            }
            DeviceIdentity identity = identity(sql, device);
            String subject = identity.certificateUsername();
            return tenantCas.obtain(sql).flatMap(obtained -> repository
                    .revokeActive(sql, deviceId, RevocationReason.SUPERSEDED)
                    .flatMap(revoked -> WorkerThreads.offload(() -> obtained.ca()
                                    .issueDevice(
                                            device.brokerUsername(),
                                            key.publicKey(),
                                            Instant.now(),
                                            config.deviceCertificateValidity()))
                            .call(certificate -> repository.insert(sql, device, certificate, subject, key.source()))
                            .call(certificate -> revoked.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : tenantCas.reissueCrl(sql, obtained.ca()))
                            .call(certificate -> broker.grantCertificateLogin(identity))
                            .map(certificate -> {
                                IssuedDeviceCertificate issued =
                                        result(certificate, obtained.ca(), subject, key, revoked);
                                return Audited.of(
                                        new Issuance(issued, identity, obtained.created()),
                                        issuedEntry(caller, deviceId, issued, key, obtained.created()));
                            })));
        });
    }

    private Uni<Audited<RevokedDeviceCertificates>> revoke(TenantSql sql, Caller caller, UUID siteId, UUID deviceId) {
        return device(sql, siteId, deviceId).flatMap(device -> repository
                .revokeActive(sql, deviceId, RevocationReason.CESSATION_OF_OPERATION)
                .call(revoked -> revoked.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : tenantCas.find(sql).flatMap(ca -> tenantCas.reissueCrl(sql, ca.orElseThrow())))
                .call(revoked -> broker.revokeCertificateLogin(identity(sql, device)))
                .map(revoked -> Audited.of(
                        new RevokedDeviceCertificates(revoked),
                        new AuditEntry(
                                caller.actor(),
                                "device.certificates.revoked",
                                "device:" + deviceId,
                                Map.of("revokedSerials", revoked)))));
    }

    /**
     * The device, its row locked; first the identity-change lock, shared, since issuing and revoking
     * change the device's certificate login at the broker before the commit, and the reconciler
     * must not see that half done.
     */
    private Uni<CertifiableDevice> device(TenantSql sql, UUID siteId, UUID deviceId) {
        return IdentityChangeLock.holdShared(sql)
                .flatMap(locked -> repository.findDevice(sql, siteId, deviceId))
                .map(found -> found.orElseThrow(
                        () -> ProblemException.notFound("device " + deviceId + " at site " + siteId)));
    }

    /**
     * A new tenant CA needs its CRL in the broker's file before its devices can connect (the broker
     * checks the leaf's CRL and refuses when there is none); a rotation needs the old certificate's
     * revocation there, and the sessions it may still hold dropped.
     */
    private Uni<Void> afterCommit(Issuance issuance) {
        IssuedDeviceCertificate issued = issuance.certificate();
        boolean rotated = !issued.revokedSerials().isEmpty();
        if (!issuance.createdTenantCa() && !rotated) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> published = publishCrls(rotated ? "rotation of " + issued.revokedSerials() : "a new tenant CA");
        if (!rotated) {
            return published;
        }
        return published.call(() -> broker.dropCertificateSessions(issuance.device())
                .onFailure()
                .recoverWithUni(e -> {
                    LOG.warnf(
                            "Could not drop the sessions of %s after its rotation: %s",
                            issued.subject(), e.getMessage());
                    return Uni.createFrom().voidItem();
                }));
    }

    private Uni<Void> publishCrls(String why) {
        return crls.publish().onFailure().recoverWithUni(e -> {
            LOG.errorf(
                    "The CRL file was not updated after %s: %s; the CRL publisher retries every %s",
                    why, e.getMessage(), config.crlPublishInterval());
            return Uni.createFrom().voidItem();
        });
    }

    private static DeviceIdentity identity(TenantSql sql, CertifiableDevice device) {
        return new DeviceIdentity(sql.tenantId(), device.siteId(), device.deviceId());
    }

    private static IssuedDeviceCertificate result(
            X509Certificate certificate, TenantCa ca, String subject, DeviceKey key, List<String> revoked) {
        return new IssuedDeviceCertificate(
                CertificateSigning.hex(certificate.getSerialNumber()),
                subject,
                CertificateSigning.fingerprint(certificate),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                Pem.certificate(certificate) + Pem.certificate(ca.certificate()),
                key.generatedPrivateKey().map(Pem::privateKey).orElse(null),
                revoked);
    }

    private static AuditEntry issuedEntry(
            Caller caller, UUID deviceId, IssuedDeviceCertificate issued, DeviceKey key, boolean createdTenantCa) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("serial", issued.serial());
        payload.put("fingerprint", issued.fingerprint());
        payload.put("subject", issued.subject());
        payload.put("notAfter", issued.notAfter().toString());
        payload.put("keySource", key.source().stored());
        payload.put("revokedSerials", issued.revokedSerials());
        payload.put("tenantCaCreated", createdTenantCa);
        return new AuditEntry(caller.actor(), "device.certificate.issued", "device:" + deviceId, payload);
    }

    /** The issued certificate, its device, and whether issuing it created the tenant's CA. */
    private record Issuance(IssuedDeviceCertificate certificate, DeviceIdentity device, boolean createdTenantCa) {}
}
