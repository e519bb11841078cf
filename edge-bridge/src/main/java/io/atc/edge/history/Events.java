package io.atc.edge.history;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.errors.ProblemException;
import io.atc.core.paging.Page;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Reading a site's events for one tenant; each call is one tenant transaction (RLS applies). */
@ApplicationScoped
public class Events {

    private final TenantTransactions transactions;
    private final EventRepository repository;

    public Events(TenantTransactions transactions, EventRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** An unknown site, or another tenant's, is a 404 rather than an empty page. */
    public Uni<Page<EventView>> list(UUID tenantId, UUID siteId, EventFilter filter, EventPosition after, int limit) {
        return transactions
                .read(tenantId, sql -> repository.siteExists(sql, siteId).flatMap(exists -> {
                    if (!exists) {
                        throw ProblemException.notFound("site " + siteId);
                    }
                    return repository.page(sql, siteId, filter, after, limit + 1);
                }))
                .map(events -> Page.of(events, limit, EventPosition::of, EventPosition.CURSOR));
    }

    public Uni<EventView> get(UUID tenantId, UUID siteId, UUID deviceId, UUID eventId) {
        return transactions
                .read(tenantId, sql -> repository.find(sql, siteId, deviceId, eventId))
                .map(found -> found.orElseThrow(
                        () -> ProblemException.notFound("event " + eventId + " of device " + deviceId)));
    }
}
