package io.atc.edge.devices;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.identity.Caller;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.edge.broker.BrokerConfirmation;
import io.atc.edge.broker.DeviceBrokerIdentities;
import io.atc.edge.broker.DeviceIdentity;
import io.atc.edge.broker.IdentityChangeLock;
import io.smallrye.mutiny.Uni;

/**
 * A tenant's device transport policy: shown, and changed by its admin in one audited tenant
 * transaction that changes the broker before it commits (as every device change does).
 *
 * <ul>
 *   <li>to {@code certificate-only}: every device's password client is deleted, which drops its
 *       password sessions at once; certificate logins stay;
 *   <li>back to {@code password-or-certificate}: every device gets a password client again, but with
 *       a random password nobody knows; a device logs in with a password only after a password reset.
 *       Old passwords never come back (their clients were deleted, with their hashes).
 * </ul>
 *
 * The reconciler enforces the same at every pass ({@code ReconcilePlan}): a password client of a
 * certificate-only tenant's device, made by hand or left by a failed commit, is deleted.
 */
@ApplicationScoped
public class DeviceTransportPolicies {

    static final String AUDIT_ACTION = "device.transport-policy.changed";
    static final String AUDIT_TARGET = "device-transport-policy";

    private final TenantTransactions transactions;
    private final DeviceTransportPolicyRepository repository;
    private final DeviceBrokerIdentities broker;

    public DeviceTransportPolicies(
            TenantTransactions transactions,
            DeviceTransportPolicyRepository repository,
            DeviceBrokerIdentities broker) {
        this.transactions = transactions;
        this.repository = repository;
        this.broker = broker;
    }

    public Uni<TransportPolicyView> get(Caller caller) {
        return transactions.read(caller.tenantId(), repository::current).map(TransportPolicyView::of);
    }

    public Uni<TransportPolicyView> change(Caller caller, DeviceTransportPolicy policy) {
        return BrokerConfirmation.required(
                transactions.mutate(caller.tenantId(), sql -> IdentityChangeLock.holdShared(sql)
                        .flatMap(locked -> repository.currentForChange(sql))
                        .flatMap(previous -> repository
                                .set(sql, policy)
                                .flatMap(stored -> atBroker(sql, previous, policy))
                                .map(done -> Audited.of(
                                        TransportPolicyView.of(policy),
                                        new AuditEntry(
                                                caller.actor(),
                                                AUDIT_ACTION,
                                                AUDIT_TARGET,
                                                Map.of("from", previous.wireName(), "to", policy.wireName())))))));
    }

    private Uni<Void> atBroker(TenantSql sql, DeviceTransportPolicy previous, DeviceTransportPolicy next) {
        if (previous == next) {
            return Uni.createFrom().voidItem();
        }
        return repository.devices(sql).flatMap(devices -> {
            if (!next.allowsPasswords()) {
                return broker.removePasswordLogins(
                        devices.stream().map(device -> identity(sql, device)).toList());
            }
            List<DeviceIdentity> enabled = devices.stream()
                    .filter(DeviceTransportPolicyRepository.TenantDevice::enabled)
                    .map(device -> identity(sql, device))
                    .toList();
            List<DeviceIdentity> disabled = devices.stream()
                    .filter(device -> !device.enabled())
                    .map(device -> identity(sql, device))
                    .toList();
            return broker.restorePasswordClientsNobodyCanUse(enabled, disabled);
        });
    }

    private static DeviceIdentity identity(TenantSql sql, DeviceTransportPolicyRepository.TenantDevice device) {
        return new DeviceIdentity(sql.tenantId(), device.siteId(), device.deviceId());
    }
}
