package io.atc.edge.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.pgclient.PgException;

/**
 * Groups ready messages per tenant and writes each tenant's group as one batch: when it reaches
 * {@code maxSize}, or when its oldest message has waited {@code maxLinger}. A tenant has at most one
 * batch being written at a time (its audit chain serialises them anyway); what arrives meanwhile
 * forms the next batch. After the commit every message of the batch is settled (and so acknowledged
 * in order); if the write fails, none is, and the connection is closed for redelivery.
 *
 * <p>A batch that Postgres refuses as data (SQLSTATE class 22 or 23, which validation should have
 * prevented) is written again one message at a time, so one bad message cannot hold back the
 * others, and a message refused on its own is dropped as {@link DropReason#REJECTED_BY_DATABASE}.
 * Confined to the ingest's Vert.x context.
 */
final class TenantBatches {

    private static final Logger LOG = Logger.getLogger(TenantBatches.class);

    private final Context context;
    private final BatchWriter writer;
    private final IngestMetrics metrics;
    private final int maxSize;
    private final long maxLingerNanos;
    private final Map<UUID, TenantQueue> queues = new HashMap<>();

    TenantBatches(Context context, BatchWriter writer, IngestMetrics metrics, int maxSize, long maxLingerNanos) {
        this.context = context;
        this.writer = writer;
        this.metrics = metrics;
        this.maxSize = maxSize;
        this.maxLingerNanos = maxLingerNanos;
    }

    void add(UUID tenantId, BatchItem item) {
        queues.computeIfAbsent(tenantId, TenantQueue::new).add(item);
    }

    /** Writes whatever waits now, without lingering (shutdown). */
    void flushAll() {
        new ArrayList<>(queues.values()).forEach(TenantQueue::flushNow);
    }

    private final class TenantQueue {

        private final UUID tenantId;
        private final List<BatchItem> waiting = new ArrayList<>();
        private long oldestSince;
        private long lingerTimer = -1;
        private boolean writing;

        TenantQueue(UUID tenantId) {
            this.tenantId = tenantId;
        }

        void add(BatchItem item) {
            if (waiting.isEmpty()) {
                oldestSince = System.nanoTime();
            }
            waiting.add(item);
            schedule();
        }

        void flushNow() {
            if (!writing && !waiting.isEmpty()) {
                write();
            }
        }

        private void schedule() {
            if (writing || waiting.isEmpty()) {
                return;
            }
            long waited = System.nanoTime() - oldestSince;
            if (waiting.size() >= maxSize || waited >= maxLingerNanos) {
                write();
            } else if (lingerTimer < 0) {
                long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(maxLingerNanos - waited));
                lingerTimer = context.owner().setTimer(delayMillis, timer -> {
                    lingerTimer = -1;
                    flushNow();
                });
            }
        }

        private void write() {
            if (lingerTimer >= 0) {
                context.owner().cancelTimer(lingerTimer);
                lingerTimer = -1;
            }
            List<BatchItem> batch = new ArrayList<>(waiting.subList(0, Math.min(maxSize, waiting.size())));
            waiting.subList(0, batch.size()).clear();
            if (!waiting.isEmpty()) {
                oldestSince = System.nanoTime();
            }
            writing = true;
            writeBatch(batch).subscribe().with(done -> finished(), failure -> {
                LOG.errorf("ingest: unexpected failure writing a batch of tenant %s: %s", tenantId, failure.toString());
                finished();
            });
        }

        private void finished() {
            writing = false;
            if (waiting.isEmpty()) {
                queues.remove(tenantId, this);
            } else {
                schedule();
            }
        }

        /** Completes on the ingest context once every message of the batch is settled or sent back for redelivery. */
        private Uni<Void> writeBatch(List<BatchItem> batch) {
            return onContext(Uni.createFrom().deferred(() -> writer.write(tenantId, batch)))
                    .map(written -> {
                        committed(batch, written);
                        return (Void) null;
                    })
                    .onFailure()
                    .recoverWithUni(failure -> {
                        metrics.batchFailed();
                        if (refusedAsData(failure) && batch.size() > 1) {
                            LOG.warnf(
                                    "ingest: Postgres refused a batch of %d messages of tenant %s (%s); writing them one by one",
                                    batch.size(), tenantId, sqlState(failure));
                            return oneByOne(batch);
                        }
                        if (refusedAsData(failure)) {
                            LOG.warnf(
                                    "ingest: Postgres refused a message of tenant %s (%s); dropped",
                                    tenantId, sqlState(failure));
                            metrics.dropped(DropReason.REJECTED_BY_DATABASE);
                            batch.get(0).pending().settle();
                        } else {
                            String why = "could not write a batch of tenant " + tenantId + " (" + failure + ")";
                            batch.forEach(item -> item.pending().retryLater(why));
                        }
                        return Uni.createFrom().voidItem();
                    });
        }

        private Uni<Void> oneByOne(List<BatchItem> batch) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (BatchItem item : batch) {
                chain = chain.flatMap(previous -> writeBatch(List.of(item)));
            }
            return chain;
        }

        private void committed(List<BatchItem> batch, BatchWriter.Written written) {
            long now = System.currentTimeMillis();
            Set<RowKey> newEvents = new HashSet<>(written.newEvents());
            Set<RowKey> newImages = new HashSet<>(written.newImages());
            int events = 0;
            for (BatchItem item : batch) {
                if (item instanceof BatchItem.Event event) {
                    events++;
                    if (newEvents.remove(
                            new RowKey(event.deviceId(), event.event().eventId()))) {
                        metrics.lag(event.event().occurredAt(), now);
                    }
                } else if (item instanceof BatchItem.Image image) {
                    newImages.remove(new RowKey(image.deviceId(), image.imageId()));
                }
                item.pending().settle();
            }
            int storedEvents = written.newEvents().size();
            int storedImages = written.newImages().size();
            metrics.committed(storedEvents, events - storedEvents, storedImages, batch.size() - events - storedImages);
        }
    }

    private <T> Uni<T> onContext(Uni<T> work) {
        return work.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private static boolean refusedAsData(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg) {
                return pg.getSqlState();
            }
        }
        return null;
    }
}
