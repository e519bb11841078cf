package io.atc.retention.purge;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.retention.config.RetentionConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs a purge round every ATC_RETENTION_PURGE_INTERVAL when ATC_RETENTION_PURGE_ENABLED; a round
 * still running when the next is due makes that one skip. A failed round is logged; the next one
 * finishes its work (recovery).
 */
@ApplicationScoped
public class PurgeSchedule {

    private static final Logger LOG = Logger.getLogger(PurgeSchedule.class);

    private final PurgeExecutor executor;
    private final RetentionConfig config;

    public PurgeSchedule(PurgeExecutor executor, RetentionConfig config) {
        this.executor = executor;
        this.config = config;
    }

    @Scheduled(
            every = "${atc.retention.purge.interval:1h}",
            delayed = "${atc.retention.purge.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        if (!config.purge().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return executor.runOnce()
                .invoke(round -> LOG.infof(
                        "purge round: runs=%d rows=%d sitesSkipped=%d blobsDeleted=%d",
                        round.runs().size(), round.rowsDeleted(), round.sitesSkipped(), round.blobsDeleted()))
                .onFailure()
                .invoke(e -> LOG.errorf("purge round failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
