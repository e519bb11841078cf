package io.atc.gateway.cors;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.atc.core.startup.StartupRefusal;
import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.atc.gateway.auth.KeyChanged;
import io.atc.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Keeps {@link PreflightOrigins} current: loads at start, on every {@link KeyChanged} (revocations
 * and rotations, delivered as they commit) and every {@code atc.gateway.cors.origins-refresh}
 * (30 s), which also catches keys that were created or simply expired. Loads never overlap: a
 * request that arrives during a load runs one more load after it. A failed load keeps the previous
 * set and is retried soon.
 *
 * <p>The read is {@link CrossTenantRead#ACTIVE_KEY_ORIGINS}, a SECURITY DEFINER function returning
 * only distinct origin strings: the gateway never sees other columns of other tenants' keys.
 */
@ApplicationScoped
public class PreflightOriginsLoader {

    private static final Logger LOG = Logger.getLogger(PreflightOriginsLoader.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(2);

    private final PreflightOrigins origins;
    private final CrossTenantReads reads;
    private final Vertx vertx;
    private final Duration interval;
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private volatile boolean failing;
    private volatile long periodicTimer = -1;

    @Inject
    public PreflightOriginsLoader(PreflightOrigins origins, CrossTenantReads reads, Vertx vertx, GatewayConfig config) {
        this(origins, reads, vertx, config.cors().originsRefresh());
    }

    PreflightOriginsLoader(PreflightOrigins origins, CrossTenantReads reads, Vertx vertx, Duration interval) {
        this.origins = origins;
        this.reads = reads;
        this.vertx = vertx;
        this.interval = interval;
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent started) {
        if (!StartupRefusal.refused()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    void onKeyChanged(@Observes KeyChanged change) {
        refresh();
    }

    void onKeyChangedAsync(@ObservesAsync KeyChanged change) {
        refresh();
    }

    public void start() {
        refresh();
        periodicTimer = vertx.setPeriodic(interval.toMillis(), id -> refresh());
    }

    public void stop() {
        vertx.cancelTimer(periodicTimer);
    }

    /** Asks for a load without waiting for it; never blocks, safe on an event loop. */
    public void refresh() {
        requested.set(true);
        if (loading.compareAndSet(false, true)) {
            runRequestedLoad();
        }
    }

    /** One load, replacing the set when it succeeds; the Uni fails (and the set stays) when it does not. */
    public Uni<Set<String>> loadNow() {
        return reads.read(CrossTenantRead.ACTIVE_KEY_ORIGINS).map(rows -> {
            Set<String> loaded = new HashSet<>();
            for (Row row : rows) {
                loaded.add(row.getString(0));
            }
            origins.replace(loaded);
            return loaded;
        });
    }

    private void runRequestedLoad() {
        requested.set(false);
        loadNow().subscribe().with(loaded -> finished(null), this::finished);
    }

    private void finished(Throwable failure) {
        if (failure == null) {
            if (failing) {
                LOG.infof("preflight origins loaded again (%d origins)", origins.size());
            }
            failing = false;
        } else {
            if (!failing) {
                LOG.warnf(
                        "cannot load preflight origins, keeping the %d known and retrying: %s",
                        origins.size(), failure.getMessage());
            }
            failing = true;
            scheduleRetry();
        }
        loading.set(false);
        if (requested.get() && loading.compareAndSet(false, true)) {
            runRequestedLoad();
        }
    }

    /** True from a failed load until the next successful one. */
    boolean failing() {
        return failing;
    }

    private void scheduleRetry() {
        if (retryScheduled.compareAndSet(false, true)) {
            long delay = Math.min(interval.toMillis(), MAX_RETRY_DELAY.toMillis());
            vertx.setTimer(delay, id -> {
                retryScheduled.set(false);
                refresh();
            });
        }
    }
}
