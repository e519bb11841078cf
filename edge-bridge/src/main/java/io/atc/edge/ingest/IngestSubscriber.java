package io.atc.edge.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.atc.core.blobs.BlobStore;
import io.atc.core.retry.Backoff;
import io.atc.core.startup.StartupRefusal;
import io.atc.edge.broker.BrokerLifecycle;
import io.atc.edge.broker.IngestIdentity;
import io.atc.edge.config.EdgeConfig;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * The ingest's MQTT side: one connection at a time to the broker, as the ingest identity
 * ({@link IngestIdentity}) with a fixed client id and a persistent session (cleanSession=false),
 * subscribed at QoS 1 to the identity's two shared subscriptions, the only ones its role may make,
 * with automatic acknowledgement off: {@link IngestConnection} acknowledges a message only after
 * the commit of the batch that stored it (or once it is dropped for good). When the connection
 * ends, for any reason, a new client connects after a capped, jittered backoff, and the broker
 * redelivers what was not acknowledged.
 *
 * <p>Never holds up start-up: in the background it waits for the broker bootstrap to have ensured
 * the ingest identity, reads the device directory, then connects. Everything of the ingest runs on
 * one Vert.x event-loop context of its own, except blob writes, which run on a small worker pool.
 */
@ApplicationScoped
public class IngestSubscriber {

    /** MQTT's largest packet: a smaller client limit would turn a large message into a poison one. */
    static final int MQTT_MAX_PACKET_BYTES = 268_435_455;

    private static final Logger LOG = Logger.getLogger(IngestSubscriber.class);
    private static final long DRAIN_MILLIS = 5_000;

    private final Vertx vertx;
    private final EdgeConfig.Ingest settings;
    private final DeviceDirectory directory;
    private final BatchWriter writer;
    private final BlobStore blobs;
    private final IngestMetrics metrics;
    private final EdgeConfig.Broker broker;
    private final BrokerLifecycle brokerLifecycle;
    private final Backoff backoff;
    private Context context;
    private WorkerExecutor blobWriters;
    private IngestPipeline pipeline;
    private IngestConnection connection;
    private int failedAttempts;
    private volatile boolean stopped;

    IngestSubscriber(
            Vertx vertx,
            EdgeConfig config,
            DeviceDirectory directory,
            BatchWriter writer,
            BlobStore blobs,
            IngestMetrics metrics,
            BrokerLifecycle brokerLifecycle) {
        this.vertx = vertx;
        this.settings = config.ingest();
        this.directory = directory;
        this.writer = writer;
        this.blobs = blobs;
        this.metrics = metrics;
        this.broker = config.broker();
        this.brokerLifecycle = brokerLifecycle;
        this.backoff = new Backoff(broker.reconnectMaxBackoff());
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent ignored) {
        if (!settings.enabled() || StartupRefusal.refused()) {
            return;
        }
        context = vertx.getOrCreateContext();
        blobWriters = vertx.createSharedWorkerExecutor("atc-edge-blob-writers", settings.blobWriters());
        TenantBatches batches = new TenantBatches(
                context,
                writer,
                metrics,
                settings.batch().maxSize(),
                settings.batch().maxLinger().toNanos());
        pipeline = new IngestPipeline(
                context,
                directory,
                new EventDecoder(settings.maxEventBytes()),
                new ImageEnvelope(settings.maxImageBytes()),
                blobs,
                blobWriters,
                batches,
                metrics);
        LOG.infof("ingest: connecting as %s once the broker bootstrap has made that identity", IngestIdentity.USERNAME);
        brokerLifecycle.bootstrapped().thenRun(() -> context.runOnContext(bootstrapped -> loadDirectoryThenConnect()));
    }

    void onStop(@Observes ShutdownEvent ignored) {
        if (context == null) {
            return;
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        context.runOnContext(stop -> {
            stopped = true;
            pipeline.flush();
            awaitDrained(drained, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS));
        });
        try {
            drained.get(DRAIN_MILLIS + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("ingest: stopped with messages unacknowledged; the broker will redeliver them");
        }
        blobWriters.close();
    }

    private void loadDirectoryThenConnect() {
        directory
                .reload()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .subscribe()
                .with(loaded -> connect(), failure -> {
                    long delay = backoff.delayMillis(failedAttempts++);
                    LOG.warnf(
                            "ingest: cannot read the device directory (retrying in %d ms): %s",
                            delay, failure.toString());
                    if (!stopped) {
                        vertx.setTimer(delay, timer -> context.runOnContext(retry -> loadDirectoryThenConnect()));
                    }
                });
    }

    private void connect() {
        if (stopped) {
            return;
        }
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(settings.clientId())
                .setUsername(IngestIdentity.USERNAME)
                .setPassword(broker.ingestPassword().orElseThrow())
                .setCleanSession(false)
                .setKeepAliveInterval((int) settings.keepAlive().toSeconds())
                .setMaxMessageSize(MQTT_MAX_PACKET_BYTES);
        options.setAutoAck(false);
        MqttClient client = MqttClient.create(vertx, options);
        IngestConnection current = new IngestConnection(client, metrics, settings.maxPendingBytes());
        connection = current;
        client.publishHandler(message -> pipeline.accept(current, message));
        client.subscribeCompletionHandler(ack -> subscribed(current, ack.grantedQoSLevels()));
        client.closeHandler(closed -> ended(current, "the broker connection closed"));
        client.exceptionHandler(failure -> LOG.warnf("ingest: MQTT connection error: %s", failure.toString()));
        client.connect(broker.port(), broker.host())
                .onSuccess(connack -> {
                    LOG.infof(
                            "ingest: connected to %s as %s, client id %s (session %s)",
                            where(),
                            IngestIdentity.USERNAME,
                            settings.clientId(),
                            connack.isSessionPresent() ? "resumed" : "new");
                    client.subscribe(Map.of(
                            IngestIdentity.EVENTS_FILTER,
                            MqttQoS.AT_LEAST_ONCE.value(),
                            IngestIdentity.IMAGES_FILTER,
                            MqttQoS.AT_LEAST_ONCE.value()));
                })
                .onFailure(
                        failure -> ended(current, "cannot connect to " + where() + " (" + failure.getMessage() + ")"));
    }

    private String where() {
        return broker.host() + ":" + broker.port();
    }

    private void subscribed(IngestConnection current, List<Integer> granted) {
        if (granted.stream()
                .anyMatch(qos ->
                        qos == null || qos < MqttQoS.AT_LEAST_ONCE.value() || qos > MqttQoS.EXACTLY_ONCE.value())) {
            LOG.errorf(
                    "ingest: the broker did not grant QoS 1 on the device topics (granted %s): check the role %s",
                    granted, IngestIdentity.ROLE);
            current.close();
            return;
        }
        metrics.connected(true);
        LOG.infof("ingest: subscribed to %s and %s", IngestIdentity.EVENTS_FILTER, IngestIdentity.IMAGES_FILTER);
    }

    private void ended(IngestConnection ended, String why) {
        if (!ended.end() || ended != connection) {
            return;
        }
        metrics.connected(false);
        if (stopped) {
            return;
        }
        failedAttempts = ended.acknowledgedAny() ? 0 : failedAttempts + 1;
        long delay = backoff.delayMillis(failedAttempts);
        LOG.warnf("ingest: %s; reconnecting in %d ms", why, delay);
        vertx.setTimer(delay, timer -> context.runOnContext(retry -> connect()));
    }

    private void awaitDrained(CompletableFuture<Void> drained, long deadlineNanos) {
        IngestConnection current = connection;
        if (current == null || current.closed() || current.unacknowledgedCount() == 0) {
            if (current != null) {
                current.close();
            }
            drained.complete(null);
        } else if (System.nanoTime() - deadlineNanos > 0) {
            current.close();
            drained.completeExceptionally(new TimeoutException());
        } else {
            vertx.setTimer(20, timer -> context.runOnContext(again -> awaitDrained(drained, deadlineNanos)));
        }
    }
}
