package io.atc.retention.preview;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.plan.ProposedDays;
import io.atc.retention.plan.RetentionPlan;
import io.atc.retention.plan.RetentionPlans;
import io.atc.retention.tenancy.TenantObjects;
import io.smallrye.mutiny.Uni;

/**
 * What the next purge of a site would delete: the site's {@link RetentionPlan} as the purge reads it, counted
 * in one read-only tenant transaction. A held site would lose nothing, so nothing is counted. A what-if
 * preview counts the same with proposed, unsaved values for the site, and saves nothing.
 */
@ApplicationScoped
public class RetentionPreviews {

    private final TenantTransactions transactions;
    private final RetentionPlans plans;
    private final PreviewRepository repository;
    private final TenantObjects objects;

    public RetentionPreviews(
            TenantTransactions transactions,
            RetentionPlans plans,
            PreviewRepository repository,
            TenantObjects objects) {
        this.transactions = transactions;
        this.plans = plans;
        this.repository = repository;
        this.objects = objects;
    }

    public Uni<RetentionPreview> of(UUID tenantId, UUID siteId) {
        return of(tenantId, siteId, null, null);
    }

    /** As {@link #of(UUID, UUID)}, with the site's own values proposed in place of the saved ones (null keeps one). */
    public Uni<RetentionPreview> of(UUID tenantId, UUID siteId, ProposedDays events, ProposedDays images) {
        Instant at = Instant.now();
        return transactions.read(tenantId, sql -> objects.requireSite(sql, siteId)
                .flatMap(exists -> plans.forSite(sql, siteId, at, events, images))
                .flatMap(plan -> preview(sql, plan)));
    }

    private Uni<RetentionPreview> preview(TenantSql sql, RetentionPlan plan) {
        if (plan.siteHeld()) {
            return Uni.createFrom()
                    .item(preview(
                            plan,
                            ExpiringRows.none(plan.events(), plan.eventsCutoff().atOffset(ZoneOffset.UTC)),
                            ExpiringRows.none(plan.images(), plan.imagesCutoff().atOffset(ZoneOffset.UTC))));
        }
        return repository
                .events(sql, plan)
                .flatMap(events -> repository.images(sql, plan).map(images -> preview(plan, events, images)));
    }

    private static RetentionPreview preview(RetentionPlan plan, ExpiringRows events, ExpiringRows images) {
        return new RetentionPreview(
                plan.siteId(),
                plan.at().atOffset(ZoneOffset.UTC),
                plan.siteHeld(),
                plan.siteHolds(),
                plan.heldDevices(),
                events,
                images);
    }
}
