package io.atc.retention.deletion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.blobs.BlobStore;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes the blobs whose image rows a committed batch deleted (retention.blob_deletions), then their
 * queue rows: a crash between the two leaves the queue row, so the next drain deletes the blob. A blob
 * whose key an image row of the tenant names again (a device re-sent the image) is kept; only its
 * queue row goes.
 */
@ApplicationScoped
public class BlobOutbox {

    private static final Logger LOG = Logger.getLogger(BlobOutbox.class);
    private static final int PAGE = 500;

    private static final String QUEUED = """
            select b.blob_key,
                   exists (select 1 from edge.images i where i.tenant_id = $1 and i.blob_key = b.blob_key) as referenced
              from retention.blob_deletions b
             where b.tenant_id = $1
             order by b.queued_at, b.blob_key
             limit $2
            """;
    private static final String DONE =
            "delete from retention.blob_deletions where tenant_id = $1 and blob_key = any ($2)";

    private final TenantTransactions transactions;
    private final BlobStore blobs;

    public BlobOutbox(TenantTransactions transactions, BlobStore blobs) {
        this.transactions = transactions;
        this.blobs = blobs;
    }

    private record Queued(String key, boolean referenced) {}

    /** Drains the tenant's queue; the number of blobs deleted. Keys whose blob could not be deleted stay queued. */
    public Uni<Integer> drain(UUID tenantId) {
        return page(tenantId).flatMap(queued -> {
            if (queued.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return deleteBlobs(queued).flatMap(done -> transactions
                    .stepOfAuditedOperation(
                            tenantId,
                            sql -> sql.execute(
                                    DONE, Tuple.of(tenantId, done.keys().toArray(String[]::new))))
                    .flatMap(removed -> queued.size() == PAGE && done.keys().size() == PAGE
                            ? drain(tenantId).map(more -> more + done.deleted())
                            : Uni.createFrom().item(done.deleted())));
        });
    }

    private Uni<List<Queued>> page(UUID tenantId) {
        return transactions.read(
                tenantId, sql -> sql.execute(QUEUED, Tuple.of(tenantId, PAGE)).map(rows -> {
                    List<Queued> queued = new ArrayList<>();
                    rows.forEach(
                            row -> queued.add(new Queued(row.getString("blob_key"), row.getBoolean("referenced"))));
                    return queued;
                }));
    }

    private record Done(List<String> keys, int deleted) {}

    private Uni<Done> deleteBlobs(List<Queued> queued) {
        return Uni.createFrom()
                .item(() -> {
                    List<String> keys = new ArrayList<>();
                    int deleted = 0;
                    for (Queued blob : queued) {
                        if (blob.referenced()) {
                            keys.add(blob.key());
                            continue;
                        }
                        try {
                            blobs.delete(blob.key());
                            keys.add(blob.key());
                            deleted++;
                        } catch (IOException e) {
                            LOG.warnf("blob %s stays queued: %s", blob.key(), e.getMessage());
                        }
                    }
                    return new Done(keys, deleted);
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
