package io.atc.edge.retention;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.atc.core.config.DatabaseConfig;
import io.atc.core.listen.ChannelListener;
import io.atc.core.listen.ListenConnections;
import io.atc.core.startup.StartupRefusal;
import io.atc.edge.config.EdgeConfig;
import io.atc.edge.ids.Uuids;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * LISTENs on {@value #CHANNEL}, where a trigger on retention.site_settings and
 * retention.tenant_defaults announces every committed change: {@code <tenant>} (a tenant default:
 * all its sites) or {@code <tenant>/<site>}. A lost connection may have lost notifications, so every
 * (re)subscription publishes every site again. Reconnects with capped, jittered backoff for as long
 * as the bridge runs; a ping detects a silently dead connection.
 */
@ApplicationScoped
public class RetentionChangeListener implements ChannelListener.Owner {

    static final String CHANNEL = "atc_retention_changes";
    /** Shows in pg_stat_activity, so operators (and tests) can find the listening session. */
    static final String APPLICATION_NAME = "atc-edge-retention-changes";

    private static final Logger LOG = Logger.getLogger(RetentionChangeListener.class);
    private static final Duration PING = Duration.ofSeconds(10);

    private final RetentionSettingsPublication publication;
    private final ChannelListener listener;

    @Inject
    RetentionChangeListener(
            Vertx vertx, RetentionSettingsPublication publication, EdgeConfig config, DatabaseConfig database) {
        this.publication = publication;
        this.listener = new ChannelListener(
                vertx,
                ListenConnections.connectOptions(database, APPLICATION_NAME),
                CHANNEL,
                "retention-change listener",
                "; appliances are told changes once it is back",
                config.ingest().listenerMaxBackoff(),
                PING,
                this);
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent ignored) {
        if (!StartupRefusal.refused()) {
            listener.start();
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        listener.stop();
    }

    @Override
    public void subscribed(Runnable reconnect) {
        LOG.infof("retention-change listener: listening on %s at %s", CHANNEL, listener.where());
        publication.republishAll();
    }

    @Override
    public void notification(String payload) {
        String[] ids = payload.split("/", -1);
        Optional<UUID> tenant = Uuids.parseCanonical(ids[0]);
        Optional<UUID> site = ids.length == 2 ? Uuids.parseCanonical(ids[1]) : Optional.empty();
        if (tenant.isEmpty() || ids.length > 2 || (ids.length == 2 && site.isEmpty())) {
            LOG.warnf("retention-change listener: ignored a malformed notification on %s", CHANNEL);
            return;
        }
        if (site.isPresent()) {
            publication.republishSite(tenant.get(), site.get());
        } else {
            publication.republishTenant(tenant.get());
        }
    }
}
