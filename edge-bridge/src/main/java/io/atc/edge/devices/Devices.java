package io.atc.edge.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.edge.broker.BrokerConfirmation;
import io.atc.edge.broker.DeviceBrokerIdentities;
import io.atc.edge.broker.DeviceIdentity;
import io.atc.edge.broker.IdentityChangeLock;
import io.atc.edge.broker.MqttPasswords;
import io.atc.edge.pki.DeviceCertificates;
import io.smallrye.mutiny.Uni;

/**
 * Device use cases for one tenant; each call is one tenant transaction. A change that touches the
 * broker makes it inside the transaction, before the commit: if the broker does not confirm, the
 * transaction rolls back and the caller gets a 503; if the commit fails after the broker changed,
 * the reconciler puts the broker back in line with the database.
 */
@ApplicationScoped
public class Devices {

    private final TenantTransactions transactions;
    private final DeviceRepository repository;
    private final DeviceBrokerIdentities broker;
    private final DeviceCertificates certificates;
    private final DeviceTransportPolicyRepository policies;

    public Devices(
            TenantTransactions transactions,
            DeviceRepository repository,
            DeviceBrokerIdentities broker,
            DeviceCertificates certificates,
            DeviceTransportPolicyRepository policies) {
        this.transactions = transactions;
        this.repository = repository;
        this.broker = broker;
        this.certificates = certificates;
        this.policies = policies;
    }

    /**
     * A new device and its broker identity. In a certificate-only tenant it gets no password client
     * and the response shows no password: it logs in with the certificate it is issued next.
     */
    public Uni<DeviceCredentials> register(Caller caller, UUID siteId, DeviceDraft draft) {
        String name = draft.name().strip();
        return BrokerConfirmation.required(
                transactions.mutate(caller.tenantId(), sql -> IdentityChangeLock.holdShared(sql)
                        .flatMap(locked -> policies.currentHeld(sql))
                        .flatMap(policy -> repository.insert(sql, siteId, name).flatMap(inserted -> {
                            Device device = inserted.orElseThrow(() -> ProblemException.notFound("site " + siteId));
                            String password = policy.allowsPasswords() ? MqttPasswords.generate() : null;
                            Uni<Void> provisioned = password == null
                                    ? broker.provisionWithoutPassword(identity(sql, device))
                                    : broker.provision(identity(sql, device), password);
                            return provisioned.map(done -> Audited.of(
                                    new DeviceCredentials(device, device.mqttUsername(), password),
                                    entry(
                                            caller,
                                            "device.registered",
                                            device.id(),
                                            Map.of("siteId", siteId.toString(), "name", name))));
                        }))));
    }

    public Uni<Page<Device>> list(UUID tenantId, UUID siteId, UUID after, int limit) {
        return transactions
                .read(tenantId, sql -> repository.siteExists(sql, siteId).flatMap(exists -> {
                    if (!exists) {
                        throw ProblemException.notFound("site " + siteId);
                    }
                    return repository.page(sql, siteId, after, limit + 1);
                }))
                .map(devices -> Page.of(devices, limit, Device::id, PageCursor.BY_ID));
    }

    public Uni<Device> get(UUID tenantId, UUID siteId, UUID deviceId) {
        return transactions
                .read(tenantId, sql -> repository.find(sql, siteId, deviceId))
                .map(found -> found.orElseThrow(() -> notFound(deviceId)));
    }

    public Uni<Device> update(Caller caller, UUID siteId, UUID deviceId, DevicePatch patch) {
        if (patch.changesNothing()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "Nothing to change: give a name, enabled, or both.");
        }
        String name = patch.name() == null ? null : patch.name().strip();
        Map<String, Object> changes = new LinkedHashMap<>();
        if (name != null) {
            changes.put("name", name);
        }
        if (patch.enabled() != null) {
            changes.put("enabled", patch.enabled());
        }
        return BrokerConfirmation.required(transactions.mutate(caller.tenantId(), sql -> IdentityChangeLock.holdShared(
                        sql)
                .flatMap(locked -> repository.update(sql, siteId, deviceId, name, patch.enabled()))
                .flatMap(updated -> {
                    Device device = updated.orElseThrow(() -> notFound(deviceId));
                    return atBroker(sql, device, patch.enabled())
                            .map(done -> Audited.of(device, entry(caller, "device.updated", deviceId, changes)));
                })));
    }

    public Uni<Void> delete(Caller caller, UUID siteId, UUID deviceId) {
        return BrokerConfirmation.required(
                transactions.<Void>mutate(caller.tenantId(), sql -> IdentityChangeLock.holdShared(sql)
                        .flatMap(locked -> repository.delete(sql, siteId, deviceId))
                        .flatMap(deleted -> {
                            Device device = deleted.orElseThrow(() -> notFound(deviceId));
                            return broker.remove(identity(sql, device))
                                    .map(done -> Audited.<Void>of(
                                            null, entry(caller, "device.deleted", deviceId, Map.of())));
                        })));
    }

    /**
     * A new password, shown once; the old one stops working and the device is disconnected. Refused
     * (409) while the tenant is certificate-only: its devices have no password login to reset.
     */
    public Uni<DeviceCredentials> resetPassword(Caller caller, UUID siteId, UUID deviceId) {
        String password = MqttPasswords.generate();
        return BrokerConfirmation.required(
                transactions.mutate(caller.tenantId(), sql -> IdentityChangeLock.holdShared(sql)
                        .flatMap(locked -> repository.findForUpdate(sql, siteId, deviceId))
                        .flatMap(found -> policies.currentHeld(sql).map(policy -> {
                            Device device = found.orElseThrow(() -> notFound(deviceId));
                            if (!policy.allowsPasswords()) {
                                throw new ProblemException(
                                        ProblemType.CONFLICT,
                                        "The tenant's device transport policy is certificate-only: its devices log in"
                                                + " with certificates and have no MQTT password to reset. An admin can"
                                                + " change the policy (PUT /v1/devices/transport-policy).");
                            }
                            return device;
                        }))
                        .flatMap(device -> {
                            return broker.setPassword(identity(sql, device), password, device.enabled())
                                    .map(done -> Audited.of(
                                            new DeviceCredentials(device, device.mqttUsername(), password),
                                            entry(caller, "device.password-reset", deviceId, Map.of())));
                        })));
    }

    /** A device enabled again gets back its certificate login only while it holds a valid certificate. */
    private Uni<Void> atBroker(TenantSql sql, Device device, Boolean enabled) {
        if (enabled == null) {
            return Uni.createFrom().voidItem();
        }
        DeviceIdentity identity = identity(sql, device);
        if (!enabled) {
            return broker.disable(identity);
        }
        return certificates
                .hasValidCertificate(sql, device.id())
                .flatMap(certified -> broker.enable(identity, certified));
    }

    private static DeviceIdentity identity(TenantSql sql, Device device) {
        return new DeviceIdentity(sql.tenantId(), device.siteId(), device.id());
    }

    private static AuditEntry entry(Caller caller, String action, UUID deviceId, Map<String, Object> payload) {
        return new AuditEntry(caller.actor(), action, "device:" + deviceId, payload);
    }

    private static ProblemException notFound(UUID deviceId) {
        return ProblemException.notFound("device " + deviceId);
    }
}
