package io.atc.edge.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/**
 * Writes one tenant's batch in one tenant transaction: the new events, the new images, the site
 * storage they add, and one audit entry that commits to the batch (its counts and the digest of
 * the ids it stored). A batch that stores nothing new (every message a redelivery) rolls back, so
 * it leaves no audit entry either: nothing changed.
 */
@ApplicationScoped
public class BatchWriter {

    static final String ACTOR = "platform:edge-ingest";
    static final String ACTION = "edge.ingest.batch";
    static final String TARGET = "edge-ingest";

    private final TenantTransactions transactions;
    private final IngestRepository repository;

    public BatchWriter(TenantTransactions transactions, IngestRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** The keys of the rows this batch stored; the other messages were already stored. */
    record Written(Set<RowKey> newEvents, Set<RowKey> newImages) {

        static final Written NOTHING_NEW = new Written(Set.of(), Set.of());
    }

    Uni<Written> write(UUID tenantId, List<BatchItem> items) {
        List<BatchItem.Event> events = new ArrayList<>();
        List<BatchItem.Image> images = new ArrayList<>();
        for (BatchItem item : items) {
            if (item instanceof BatchItem.Event event) {
                events.add(event);
            } else if (item instanceof BatchItem.Image image) {
                images.add(image);
            }
        }
        return transactions
                .mutate(tenantId, sql -> repository.insertEvents(sql, events).flatMap(newEvents -> repository
                        .insertImages(sql, images)
                        .map(newImages -> {
                            if (newEvents.isEmpty() && newImages.isEmpty()) {
                                throw new NothingNew();
                            }
                            return Audited.of(
                                    new Written(Set.copyOf(newEvents), Set.copyOf(newImages)),
                                    entry(newEvents, newImages));
                        })))
                .onFailure(NothingNew.class)
                .recoverWithItem(Written.NOTHING_NEW);
    }

    static AuditEntry entry(List<RowKey> newEvents, List<RowKey> newImages) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("events", newEvents.size());
        payload.put("events_sha256", BatchDigest.of(newEvents));
        payload.put("images", newImages.size());
        payload.put("images_sha256", BatchDigest.of(newImages));
        return new AuditEntry(ACTOR, ACTION, TARGET, payload);
    }

    /** Rolls back a batch of redeliveries: there is nothing to store and nothing to audit. */
    private static final class NothingNew extends RuntimeException {
        NothingNew() {
            super("every message of the batch was already stored", null, false, false);
        }
    }
}
