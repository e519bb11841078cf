package io.atc.keys.tenants;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantTransactions;
import io.atc.keys.apikeys.ApiKeys;
import io.smallrye.mutiny.Uni;

/**
 * Onboarding: the tenant, the genesis of its audit chain, its first admin key and, when the
 * operator names one, its device transport policy, in one transaction. Operators create tenants; they never read tenant data (their token has no tenant).
 */
@ApplicationScoped
public class Tenants {

    private final TenantTransactions transactions;
    private final ApiKeys keys;

    public Tenants(TenantTransactions transactions, ApiKeys keys) {
        this.transactions = transactions;
        this.keys = keys;
    }

    public Uni<CreatedTenant> create(String operator, TenantDraft draft) {
        UUID tenantId = UUID.randomUUID();
        String keyName = draft.adminKeyName() == null || draft.adminKeyName().isBlank()
                ? "First admin key"
                : draft.adminKeyName().strip();
        return keys.prepareAdminKey(keyName, operator)
                .flatMap(prepared -> transactions.createTenant(
                        tenantId, draft.name().strip(), sql -> keys.insert(sql, prepared, operator, "key.created")
                                .call(adminKey -> draft.deviceTransport() == null
                                        ? Uni.createFrom().voidItem()
                                        : DeviceTransportAtOnboarding.record(sql, operator, draft.deviceTransport()))))
                .map(adminKey -> new CreatedTenant(
                        tenantId,
                        draft.name().strip(),
                        adminKey,
                        draft.deviceTransport() == null
                                ? DeviceTransportAtOnboarding.DEFAULT
                                : draft.deviceTransport()));
    }
}
