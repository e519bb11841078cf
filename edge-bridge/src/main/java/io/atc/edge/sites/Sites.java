package io.atc.edge.sites;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.errors.ProblemException;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Site use cases for one tenant; each call is one tenant transaction. */
@ApplicationScoped
public class Sites {

    private final TenantTransactions transactions;
    private final SiteRepository repository;

    public Sites(TenantTransactions transactions, SiteRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    public Uni<Site> create(UUID tenantId, SiteDraft draft) {
        return transactions.inTenant(tenantId, sql -> repository.insert(sql, draft.name().strip()));
    }

    public Uni<SitePage> list(UUID tenantId, UUID after, int limit) {
        return transactions.inTenant(tenantId, sql -> repository.page(sql, after, limit + 1))
                .map(sites -> page(sites, limit));
    }

    public Uni<Site> get(UUID tenantId, UUID siteId) {
        return transactions.inTenant(tenantId, sql -> repository.find(sql, siteId))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("site " + siteId)));
    }

    public Uni<Site> rename(UUID tenantId, UUID siteId, SiteDraft draft) {
        return transactions.inTenant(tenantId, sql -> repository.rename(sql, siteId, draft.name().strip()))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("site " + siteId)));
    }

    public Uni<Void> delete(UUID tenantId, UUID siteId) {
        return transactions.inTenant(tenantId, sql -> repository.delete(sql, siteId))
                .map(deleted -> {
                    if (!deleted) {
                        throw ProblemException.notFound("site " + siteId);
                    }
                    return null;
                });
    }

    private static SitePage page(List<Site> sites, int limit) {
        if (sites.size() <= limit) {
            return new SitePage(sites, null);
        }
        List<Site> items = sites.subList(0, limit);
        return new SitePage(items, items.get(items.size() - 1).id());
    }
}
