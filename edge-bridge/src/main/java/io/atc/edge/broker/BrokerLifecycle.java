package io.atc.edge.broker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.atc.core.startup.StartupRefusal;
import io.atc.edge.config.EdgeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Connects to the broker when the service starts (never holding up the start), and converges the
 * broker, bootstrap then reconciliation, after every (re)connection and every
 * {@code atc.edge.broker.reconcile-interval}.
 */
@ApplicationScoped
public class BrokerLifecycle {

    private static final Logger LOG = Logger.getLogger(BrokerLifecycle.class);

    private final DynamicSecurityClient broker;
    private final BrokerBootstrap bootstrap;
    private final BrokerReconciler reconciler;
    private final EdgeConfig.Broker settings;
    private final Vertx vertx;
    private final AtomicBoolean converging = new AtomicBoolean();
    private final CompletableFuture<Void> bootstrapped = new CompletableFuture<>();
    private long timer = -1;

    public BrokerLifecycle(
            DynamicSecurityClient broker,
            BrokerBootstrap bootstrap,
            BrokerReconciler reconciler,
            EdgeConfig config,
            Vertx vertx) {
        this.broker = broker;
        this.bootstrap = bootstrap;
        this.reconciler = reconciler;
        this.settings = config.broker();
        this.vertx = vertx;
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent started) {
        if (StartupRefusal.refused()) {
            return;
        }
        broker.onConnected(this::converge);
        broker.start();
        long interval = settings.reconcileInterval().toMillis();
        if (interval > 0) {
            timer = vertx.setPeriodic(interval, ignored -> {
                if (broker.isConnected()) {
                    converge();
                }
            });
        }
    }

    /**
     * Completes after the first bootstrap, once the ingest identity exists with its role and the
     * configured password: the ingest connects only then, so a bridge started against an empty
     * broker is not refused.
     */
    public CompletionStage<Void> bootstrapped() {
        return bootstrapped;
    }

    void onStop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        broker.stop();
    }

    private void converge() {
        if (!converging.compareAndSet(false, true)) {
            return;
        }
        bootstrap
                .run()
                .invoke(done -> bootstrapped.complete(null))
                .flatMap(done -> reconciler.reconcile())
                .subscribe()
                .with(report -> converging.set(false), failure -> {
                    converging.set(false);
                    LOG.warnf(
                            "broker: could not converge with the database (retrying on reconnection and every %s): %s",
                            settings.reconcileInterval(), failure.getMessage());
                });
    }
}
