package io.atc.edge.retention;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.atc.core.retry.Backoff;
import io.atc.core.startup.StartupRefusal;
import io.atc.edge.broker.BrokerLifecycle;
import io.atc.edge.broker.SettingsPublisherIdentity;
import io.atc.edge.config.EdgeConfig;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * The bridge's session as the settings publisher ({@link SettingsPublisherIdentity}): one connection
 * per replica, its own client id {@code atc-settings-publisher-<random>}, clean session. It connects
 * once the broker bootstrap has made the identity, reconnects with capped, jittered backoff, and
 * runs its listeners after every (re)connection: {@link RetentionSettingsPublication} then publishes
 * every site again (what was published while it was away may be lost).
 *
 * <p>A retained QoS 1 publish completes at its PUBACK; while disconnected, or when the connection
 * ends before the PUBACK, it fails. Everything runs on one Vert.x context.
 */
@ApplicationScoped
public class SettingsPublisherConnection {

    private static final Logger LOG = Logger.getLogger(SettingsPublisherConnection.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final EdgeConfig.Broker settings;
    private final BrokerLifecycle brokerLifecycle;
    private final List<Runnable> connectionListeners = new CopyOnWriteArrayList<>();
    private final Backoff backoff;
    private final Map<Integer, Promise<Void>> awaitingAck = new HashMap<>();
    private Context context;
    /** The client connecting or connected, until it ends. */
    private MqttClient attempt;

    private volatile MqttClient connected;
    private int failedAttempts;
    private volatile boolean stopped;

    SettingsPublisherConnection(Vertx vertx, EdgeConfig config, BrokerLifecycle brokerLifecycle) {
        this.vertx = vertx;
        this.settings = config.broker();
        this.brokerLifecycle = brokerLifecycle;
        this.backoff = new Backoff(settings.reconnectMaxBackoff());
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent ignored) {
        if (StartupRefusal.refused()) {
            return;
        }
        context = vertx.getOrCreateContext();
        brokerLifecycle.bootstrapped().thenRun(() -> context.runOnContext(bootstrapped -> connect()));
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stopped = true;
        if (context != null) {
            context.runOnContext(stop -> {
                if (connected != null) {
                    connected.disconnect();
                }
            });
        }
    }

    /** {@code listener} runs after every successful (re)connection. */
    void onConnected(Runnable listener) {
        connectionListeners.add(listener);
    }

    boolean isConnected() {
        return connected != null;
    }

    /** Publishes retained at QoS 1; completes at the broker's PUBACK. An empty payload clears the topic. */
    Uni<Void> publishRetained(String topic, Buffer payload) {
        return Uni.createFrom()
                .emitter(emitter -> context.runOnContext(onContext -> {
                    MqttClient client = connected;
                    if (client == null) {
                        emitter.fail(new IllegalStateException("not connected to the broker"));
                        return;
                    }
                    client.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, true)
                            .onSuccess(packetId -> {
                                Promise<Void> acked = Promise.promise();
                                awaitingAck.put(packetId, acked);
                                acked.future().onComplete(done -> {
                                    if (done.succeeded()) {
                                        emitter.complete(null);
                                    } else {
                                        emitter.fail(done.cause());
                                    }
                                });
                            })
                            .onFailure(emitter::fail);
                }));
    }

    private void connect() {
        if (stopped) {
            return;
        }
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        MqttClientOptions options = new MqttClientOptions()
                // One session per replica: a shared client id would make replicas disconnect each other.
                .setClientId(SettingsPublisherIdentity.USERNAME + "-"
                        + HexFormat.of().formatHex(suffix))
                .setUsername(SettingsPublisherIdentity.USERNAME)
                .setPassword(SettingsPublisherIdentity.password(
                        settings.adminPassword().orElseThrow()))
                .setCleanSession(true)
                .setKeepAliveInterval(30)
                .setMaxInflightQueue(1);
        options.setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, settings.commandTimeout().toMillis()));
        MqttClient client = MqttClient.create(vertx, options);
        attempt = client;
        client.publishCompletionHandler(packetId -> {
            Promise<Void> acked = awaitingAck.remove(packetId);
            if (acked != null) {
                acked.complete();
            }
        });
        client.closeHandler(closed -> ended(client, "the broker connection closed"));
        client.exceptionHandler(failure -> LOG.debugf("settings publisher: MQTT connection error: %s", failure));
        client.connect(settings.port(), settings.host())
                .onSuccess(connack -> {
                    connected = client;
                    failedAttempts = 0;
                    LOG.infof(
                            "settings publisher: connected to %s:%d as %s",
                            settings.host(), settings.port(), SettingsPublisherIdentity.USERNAME);
                    connectionListeners.forEach(Runnable::run);
                })
                .onFailure(failure -> ended(client, "cannot connect (" + failure.getMessage() + ")"));
    }

    /** Once per client: a refused connection may report both its failure and its close. */
    private void ended(MqttClient client, String why) {
        if (client != attempt) {
            return;
        }
        attempt = null;
        boolean wasConnected = connected == client;
        connected = null;
        awaitingAck.values().forEach(acked -> acked.tryFail("the broker connection ended before the PUBACK"));
        awaitingAck.clear();
        if (stopped) {
            return;
        }
        long delay = backoff.delayMillis(wasConnected ? 0 : failedAttempts++);
        LOG.warnf("settings publisher: %s; reconnecting in %d ms", why, delay);
        vertx.setTimer(delay, timer -> context.runOnContext(retry -> connect()));
    }
}
