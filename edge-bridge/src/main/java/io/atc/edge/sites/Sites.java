package io.atc.edge.sites;

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
import io.atc.core.tenancy.TenantTransactions;
import io.atc.edge.retention.RetentionSettingsPublication;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Site use cases for one tenant; each call is one tenant transaction. A site created or deleted has
 * its retention settings topic published or cleared after the commit ({@link RetentionSettingsPublication}):
 * no retention row changes then, so no notification says so.
 */
@ApplicationScoped
public class Sites {

    private final TenantTransactions transactions;
    private final SiteRepository repository;
    private final RetentionSettingsPublication retentionSettings;

    public Sites(
            TenantTransactions transactions,
            SiteRepository repository,
            RetentionSettingsPublication retentionSettings) {
        this.transactions = transactions;
        this.repository = repository;
        this.retentionSettings = retentionSettings;
    }

    public Uni<Site> create(Caller caller, SiteDraft draft) {
        return transactions
                .mutate(caller.tenantId(), sql -> repository
                        .insert(sql, draft.name().strip())
                        .map(site -> Audited.of(
                                site, entry(caller, "site.created", site.id(), Map.of("name", site.name())))))
                .invoke(site -> retentionSettings.republishSite(caller.tenantId(), site.id()));
    }

    public Uni<Page<Site>> list(UUID tenantId, UUID after, int limit) {
        return transactions
                .read(tenantId, sql -> repository.page(sql, after, limit + 1))
                .map(sites -> Page.of(sites, limit, Site::id, PageCursor.BY_ID));
    }

    public Uni<Site> get(UUID tenantId, UUID siteId) {
        return transactions
                .read(tenantId, sql -> repository.find(sql, siteId))
                .map(found -> found.orElseThrow(() -> notFound(siteId)));
    }

    public Uni<Site> rename(Caller caller, UUID siteId, SiteDraft draft) {
        String name = draft.name().strip();
        return transactions.mutate(
                caller.tenantId(),
                entry(caller, "site.renamed", siteId, Map.of("name", name)),
                sql -> repository.rename(sql, siteId, name).map(found -> found.orElseThrow(() -> notFound(siteId))));
    }

    /** A site that still has devices stays: 409, until its devices are deleted. */
    public Uni<Void> delete(Caller caller, UUID siteId) {
        return transactions
                .<Void>mutate(caller.tenantId(), entry(caller, "site.deleted", siteId, Map.of()), sql -> repository
                        .delete(sql, siteId)
                        .map(deleted -> {
                            if (!deleted) {
                                throw notFound(siteId);
                            }
                            return null;
                        }))
                .onFailure(Sites::stillHasDevices)
                .transform(failure -> new ProblemException(
                        ProblemType.CONFLICT, "site " + siteId + " still has devices; delete them first"))
                .invoke(deleted -> retentionSettings.republishSite(caller.tenantId(), siteId));
    }

    private static boolean stillHasDevices(Throwable failure) {
        return failure instanceof PgException pg && "23503".equals(pg.getSqlState()) && "devices".equals(pg.getTable());
    }

    private static AuditEntry entry(Caller caller, String action, UUID siteId, Map<String, Object> payload) {
        return new AuditEntry(caller.actor(), action, "site:" + siteId, payload);
    }

    private static ProblemException notFound(UUID siteId) {
        return ProblemException.notFound("site " + siteId);
    }
}
