package io.atc.retention.settings;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.errors.ProblemException;
import io.atc.core.identity.Caller;
import io.atc.core.retention.EffectiveRetention;
import io.atc.core.retention.RetentionDefaultsConfig;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.tenancy.TenantObjects;
import io.smallrye.mutiny.Uni;

/**
 * A site's retention and its tenant's default: read with the value each inherits, and changed as audited
 * mutations. Each call is one tenant transaction.
 */
@ApplicationScoped
public class RetentionLevels {

    private final TenantTransactions transactions;
    private final RetentionSettingsRepository repository;
    private final TenantObjects objects;
    private final RetentionDefaultsConfig platform;

    public RetentionLevels(
            TenantTransactions transactions,
            RetentionSettingsRepository repository,
            TenantObjects objects,
            RetentionDefaultsConfig platform) {
        this.transactions = transactions;
        this.repository = repository;
        this.objects = objects;
        this.platform = platform;
    }

    public Uni<RetentionSettings> site(UUID tenantId, UUID siteId) {
        return transactions.read(tenantId, sql -> siteView(sql, siteId));
    }

    public Uni<RetentionSettings> changeSite(Caller caller, UUID siteId, RetentionChange change) {
        OwnValues next = change.own();
        return transactions.mutate(caller.tenantId(), sql -> objects.requireSite(sql, siteId)
                .flatMap(exists -> repository.lockSite(sql, siteId))
                .flatMap(previous -> repository
                        .upsertSite(sql, siteId, next, caller.actor())
                        .flatMap(done -> siteView(sql, siteId))
                        .map(view -> Audited.of(
                                view,
                                entry(caller, "retention.site-settings.changed", "site:" + siteId, previous, next)))));
    }

    public Uni<RetentionSettings> tenantDefault(UUID tenantId) {
        return transactions.read(tenantId, this::tenantView);
    }

    public Uni<RetentionSettings> changeTenantDefault(Caller caller, RetentionChange change) {
        OwnValues next = change.own();
        return transactions.mutate(
                caller.tenantId(), sql -> repository.lockTenant(sql).flatMap(previous -> repository
                        .upsertTenant(sql, next, caller.actor())
                        .flatMap(done -> tenantView(sql))
                        .map(view -> Audited.of(
                                view,
                                entry(
                                        caller,
                                        "retention.tenant-defaults.changed",
                                        "tenant:" + caller.tenantId(),
                                        previous,
                                        next)))));
    }

    private Uni<RetentionSettings> siteView(TenantSql sql, UUID siteId) {
        return repository.site(sql, siteId).map(found -> found.map(this::siteLevel)
                .orElseThrow(() -> ProblemException.notFound("site " + siteId)));
    }

    private Uni<RetentionSettings> tenantView(TenantSql sql) {
        return repository.tenant(sql).map(this::tenantLevel);
    }

    private RetentionSettings siteLevel(StoredLevels site) {
        OwnValues own = site.own();
        return new RetentionSettings(
                KindRetention.of(
                        EffectiveRetention.resolve(own.eventsDays(), site.parentEventsDays(), platform.eventsDays()),
                        own.eventsDays()),
                KindRetention.of(
                        EffectiveRetention.resolve(own.imagesDays(), site.parentImagesDays(), platform.imagesDays()),
                        own.imagesDays()),
                site.updatedAt(),
                site.updatedBy());
    }

    /** The tenant default as a site that sets nothing sees it: the tenant's value, else the platform's. */
    private RetentionSettings tenantLevel(StoredLevels tenant) {
        OwnValues own = tenant.own();
        return new RetentionSettings(
                KindRetention.of(
                        EffectiveRetention.resolve(null, own.eventsDays(), platform.eventsDays()), own.eventsDays()),
                KindRetention.of(
                        EffectiveRetention.resolve(null, own.imagesDays(), platform.imagesDays()), own.imagesDays()),
                tenant.updatedAt(),
                tenant.updatedBy());
    }

    private static AuditEntry entry(Caller caller, String action, String target, OwnValues previous, OwnValues next) {
        return new AuditEntry(
                caller.actor(), action, target, Map.of("old", previous.auditForm(), "new", next.auditForm()));
    }
}
