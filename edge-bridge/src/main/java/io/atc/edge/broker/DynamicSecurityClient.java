package io.atc.edge.broker;

import java.net.ConnectException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.retry.Backoff;
import io.atc.edge.config.EdgeConfig;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.MqttConnectionException;
import io.vertx.mqtt.messages.MqttPublishMessage;

/**
 * The platform's admin session with Mosquitto's dynamic-security plugin. Commands go to
 * {@value #CONTROL_TOPIC}; the plugin answers every command message with one message on
 * {@value #RESPONSE_TOPIC}, its responses in command order, each echoing the command's
 * {@code correlationData}. That echo pairs answers with callers, and lets answers to other admins
 * (another replica, mosquitto_ctrl) pass by unclaimed.
 *
 * <p>Non-blocking: the MQTT client lives on one event loop; callers get a {@link Uni} completed on
 * their own context. It connects in the background and reconnects with capped, jittered backoff;
 * while it is not connected, and when an answer is late, commands fail at once with
 * {@link BrokerUnavailableException}.
 */
@ApplicationScoped
public class DynamicSecurityClient {

    static final String CONTROL_TOPIC = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE_TOPIC = CONTROL_TOPIC + "/response";

    private static final Logger LOG = Logger.getLogger(DynamicSecurityClient.class);
    private static final int SUBSCRIPTION_REFUSED = 0x80;
    /** Netty's decoder refuses messages over 8 KiB unless told otherwise; a page of clients is larger. */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final EdgeConfig.Broker settings;
    private final Backoff backoff;
    private final Map<String, PendingBatch> pending = new ConcurrentHashMap<>();
    private final List<Runnable> connectionListeners = new CopyOnWriteArrayList<>();
    private volatile Context context;
    /** Set only while connected and subscribed to the answers. */
    private volatile MqttClient connected;

    private volatile boolean stopped = true;

    public DynamicSecurityClient(Vertx vertx, EdgeConfig config) {
        this.vertx = vertx;
        this.settings = config.broker();
        this.backoff = new Backoff(settings.reconnectMaxBackoff());
    }

    /** {@code listener} runs on the client's event loop after every successful (re)connection. */
    public void onConnected(Runnable listener) {
        connectionListeners.add(listener);
    }

    /** Starts connecting in the background; returns at once. */
    public synchronized void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        if (context == null) {
            context = vertx.getOrCreateContext();
        }
        context.runOnContext(ignored -> connect(0));
    }

    public synchronized void stop() {
        stopped = true;
        if (context != null) {
            context.runOnContext(ignored -> {
                MqttClient client = connected;
                connected = null;
                failAll("the edge bridge is stopping");
                if (client != null && client.isConnected()) {
                    client.disconnect();
                }
            });
        }
    }

    public boolean isConnected() {
        return connected != null;
    }

    /** Sends the commands as one message; the answers come back in the same order. */
    public Uni<List<DynsecResponse>> send(List<JsonObject> commands) {
        if (commands.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().emitter(emitter -> {
            Reply reply = new Reply(Vertx.currentContext(), emitter);
            Context own = context;
            if (own == null) {
                reply.fail(new BrokerUnavailableException("the broker connection has not been started"));
                return;
            }
            own.runOnContext(ignored -> dispatch(commands, reply));
        });
    }

    private void dispatch(List<JsonObject> commands, Reply reply) {
        MqttClient client = connected;
        if (client == null) {
            reply.fail(new BrokerUnavailableException("not connected to the MQTT broker at " + where()));
            return;
        }
        String batch = UUID.randomUUID().toString();
        JsonArray tagged = new JsonArray();
        for (int i = 0; i < commands.size(); i++) {
            tagged.add(commands.get(i).copy().put("correlationData", batch + "/" + i));
        }
        long timeoutMillis = settings.commandTimeout().toMillis();
        long timer = vertx.setTimer(timeoutMillis, ignored -> {
            PendingBatch late = pending.remove(batch);
            if (late != null) {
                late.reply()
                        .fail(new BrokerUnavailableException(
                                "the MQTT broker at " + where() + " did not answer within " + timeoutMillis + " ms"));
            }
        });
        pending.put(batch, new PendingBatch(reply, commands.size(), timer));
        // QoS 0: the plugin's answer is the acknowledgement that counts, and QoS 1 would cap the
        // commands in flight at the client's in-flight window.
        client.publish(
                        CONTROL_TOPIC,
                        new JsonObject().put("commands", tagged).toBuffer(),
                        MqttQoS.AT_MOST_ONCE,
                        false,
                        false)
                .onFailure(failure -> {
                    PendingBatch unsent = pending.remove(batch);
                    if (unsent != null) {
                        vertx.cancelTimer(unsent.timer());
                        unsent.reply()
                                .fail(new BrokerUnavailableException("could not send to the MQTT broker at " + where()
                                        + ": " + failure.getMessage()));
                    }
                });
    }

    private void onMessage(MqttPublishMessage message) {
        if (!RESPONSE_TOPIC.equals(message.topicName())) {
            return;
        }
        JsonArray responses;
        String batch;
        try {
            responses = new JsonObject(message.payload()).getJsonArray("responses");
            batch = responses == null || responses.isEmpty() ? null : batchOf(responses.getJsonObject(0));
        } catch (RuntimeException e) {
            LOG.warn("ignored an unreadable message on " + RESPONSE_TOPIC);
            return;
        }
        PendingBatch waiting = batch == null ? null : pending.remove(batch);
        if (waiting == null) {
            return;
        }
        vertx.cancelTimer(waiting.timer());
        try {
            waiting.reply().complete(answers(batch, responses, waiting.size()));
        } catch (RuntimeException e) {
            waiting.reply()
                    .fail(new BrokerUnavailableException("the MQTT broker's answer did not match the commands sent"));
        }
    }

    private static List<DynsecResponse> answers(String batch, JsonArray responses, int expected) {
        if (responses.size() != expected) {
            throw new IllegalStateException("answered " + responses.size() + " of " + expected);
        }
        List<DynsecResponse> answers = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            JsonObject response = responses.getJsonObject(i);
            if (!(batch + "/" + i).equals(response.getString("correlationData"))) {
                throw new IllegalStateException("answer " + i + " out of order");
            }
            answers.add(DynsecResponse.from(response));
        }
        return answers;
    }

    private static String batchOf(JsonObject response) {
        Object correlation = response.getValue("correlationData");
        if (!(correlation instanceof String value) || value.indexOf('/') < 0) {
            return null;
        }
        return value.substring(0, value.indexOf('/'));
    }

    private void connect(int failedAttempts) {
        if (stopped) {
            return;
        }
        MqttClient client = MqttClient.create(vertx, options());
        Promise<Void> subscribed = Promise.promise();
        client.publishHandler(this::onMessage);
        client.subscribeCompletionHandler(ack -> {
            if (ack.grantedQoSLevels().contains(SUBSCRIPTION_REFUSED)) {
                subscribed.tryFail("the broker refused " + settings.adminUsername() + " a subscription to "
                        + RESPONSE_TOPIC + ": is it a dynamic-security admin?");
            } else {
                subscribed.tryComplete();
            }
        });
        client.closeHandler(ignored -> onClosed(client));
        long subscribeTimer = vertx.setTimer(
                settings.commandTimeout().toMillis(),
                ignored -> subscribed.tryFail("no answer to the subscription to " + RESPONSE_TOPIC));
        client.connect(settings.port(), settings.host())
                .compose(ack -> client.subscribe(RESPONSE_TOPIC, MqttQoS.AT_MOST_ONCE.value()))
                .compose(packetId -> subscribed.future())
                .onComplete(result -> {
                    vertx.cancelTimer(subscribeTimer);
                    if (result.succeeded() && !stopped) {
                        connected = client;
                        LOG.infof("connected to the MQTT broker at %s as %s", where(), settings.adminUsername());
                        connectionListeners.forEach(DynamicSecurityClient::runSafely);
                        return;
                    }
                    if (client.isConnected()) {
                        client.disconnect();
                    }
                    if (result.failed()) {
                        long delay = backoffMillis(failedAttempts);
                        LOG.warnf(
                                "cannot manage device credentials at the MQTT broker at %s (attempt %d, retrying in %d ms): %s",
                                where(), failedAttempts + 1, delay, describe(result.cause()));
                        vertx.setTimer(delay, ignored -> connect(failedAttempts + 1));
                    }
                });
    }

    private void onClosed(MqttClient client) {
        if (connected != client) {
            return;
        }
        connected = null;
        failAll("lost the connection to the MQTT broker at " + where());
        if (!stopped) {
            LOG.warnf("lost the connection to the MQTT broker at %s; reconnecting", where());
            vertx.setTimer(backoffMillis(0), ignored -> connect(0));
        }
    }

    private void failAll(String reason) {
        for (String batch : List.copyOf(pending.keySet())) {
            PendingBatch waiting = pending.remove(batch);
            if (waiting != null) {
                vertx.cancelTimer(waiting.timer());
                waiting.reply().fail(new BrokerUnavailableException(reason));
            }
        }
    }

    private MqttClientOptions options() {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        MqttClientOptions options = new MqttClientOptions()
                // One session per replica: a shared client id would make replicas disconnect each other.
                .setClientId("atc-edge-admin-" + HexFormat.of().formatHex(suffix))
                .setUsername(settings.adminUsername())
                .setPassword(settings.adminPassword().orElse(""))
                .setCleanSession(true)
                .setKeepAliveInterval(30)
                .setMaxMessageSize(MAX_MESSAGE_BYTES);
        options.setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, settings.commandTimeout().toMillis()));
        return options;
    }

    private long backoffMillis(int failedAttempts) {
        return backoff.delayMillis(failedAttempts);
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }

    private String describe(Throwable failure) {
        if (failure instanceof MqttConnectionException refused) {
            MqttConnectReturnCode code = refused.code();
            if (code == MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED
                    || code == MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD) {
                return "the broker refused the admin credentials (check ATC_EDGE_BROKER_ADMIN_USERNAME and"
                        + " ATC_EDGE_BROKER_ADMIN_PASSWORD)";
            }
            return "the broker refused the connection (" + code + ")";
        }
        if (failure instanceof ConnectException) {
            return "no broker answers there (check ATC_EDGE_BROKER_HOST and ATC_EDGE_BROKER_PORT)";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private static void runSafely(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.errorf("a broker connection listener failed: %s", e.toString());
        }
    }

    private record PendingBatch(Reply reply, int size, long timer) {}

    /** Completes the caller's Uni on the caller's own context, where its database connection lives. */
    private record Reply(Context caller, UniEmitter<? super List<DynsecResponse>> emitter) {

        void complete(List<DynsecResponse> answers) {
            run(() -> emitter.complete(answers));
        }

        void fail(Throwable failure) {
            run(() -> emitter.fail(failure));
        }

        private void run(Runnable signal) {
            if (caller == null) {
                signal.run();
            } else {
                caller.runOnContext(ignored -> signal.run());
            }
        }
    }
}
