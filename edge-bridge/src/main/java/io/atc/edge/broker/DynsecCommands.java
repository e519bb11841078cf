package io.atc.edge.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

/**
 * Sends commands to Mosquitto's dynamic-security plugin ({@code $CONTROL/dynamic-security/v1}) as
 * the platform's dynsec admin and returns each answer, matched by correlation data. One connection,
 * opened on first use and again after it drops.
 * <p>
 * The smallest helper the device PKI needs; the device-registration work brings a fuller dynsec
 * client, into which this one is meant to merge.
 */
@ApplicationScoped
public class DynsecCommands {

    static final String COMMAND_TOPIC = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE_TOPIC = COMMAND_TOPIC + "/response";

    private static final Logger LOG = Logger.getLogger(DynsecCommands.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final Optional<String> adminUser;
    private final Optional<String> adminPassword;
    private final Map<String, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
    private Future<MqttClient> connection;

    public DynsecCommands(Vertx vertx,
            @ConfigProperty(name = "atc.mqtt.host", defaultValue = "127.0.0.1") String host,
            @ConfigProperty(name = "atc.mqtt.port", defaultValue = "1883") int port,
            @ConfigProperty(name = "atc.mqtt.admin-user") Optional<String> adminUser,
            @ConfigProperty(name = "atc.mqtt.admin-password") Optional<String> adminPassword) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Runs one command; fails with 503 when the broker cannot be reached or does not answer in time. */
    public Uni<DynsecResponse> execute(JsonObject command) {
        String correlation = UUID.randomUUID().toString();
        JsonObject payload = new JsonObject().put("commands",
                new JsonArray().add(command.copy().put("correlationData", correlation)));
        Promise<JsonObject> answer = Promise.promise();
        pending.put(correlation, answer);
        Future<JsonObject> answered = connection()
                .compose(client -> client.publish(COMMAND_TOPIC, Buffer.buffer(payload.encode()), MqttQoS.AT_LEAST_ONCE,
                        false, false))
                .compose(sent -> answer.future())
                .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .onComplete(done -> pending.remove(correlation));
        return Uni.createFrom().completionStage(answered.toCompletionStage())
                .onFailure().transform(DynsecCommands::unavailable)
                .map(response -> new DynsecResponse(response.getString("command", command.getString("command")),
                        Optional.ofNullable(response.getString("error")),
                        Optional.ofNullable(response.getJsonObject("data")).orElseGet(JsonObject::new)));
    }

    private synchronized Future<MqttClient> connection() {
        if (adminUser.isEmpty() || adminPassword.isEmpty()) {
            return Future.failedFuture(new ProblemException(ProblemType.UNAVAILABLE,
                    "The MQTT broker's dynamic-security admin is not configured (ATC_MQTT_ADMIN_USER/PASSWORD)."));
        }
        boolean usable = connection != null && !connection.failed()
                && (!connection.succeeded() || connection.result().isConnected());
        if (!usable) {
            connection = connect();
        }
        return connection;
    }

    private Future<MqttClient> connect() {
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
                .setClientId("atc-edge-bridge-dynsec-" + UUID.randomUUID())
                .setUsername(adminUser.orElseThrow())
                .setPassword(adminPassword.orElseThrow())
                .setCleanSession(true)
                .setAutoKeepAlive(true));
        Promise<Void> subscribed = Promise.promise();
        client.publishHandler(this::onResponse);
        client.subscribeCompletionHandler(ack -> {
            if (ack.grantedQoSLevels().contains(0x80)) {
                subscribed.fail("the broker refused the dynsec admin a subscription to " + RESPONSE_TOPIC);
            } else {
                subscribed.tryComplete();
            }
        });
        return client.connect(port, host)
                .compose(ack -> client.subscribe(RESPONSE_TOPIC, MqttQoS.AT_LEAST_ONCE.value()))
                .compose(packetId -> subscribed.future())
                .map(ready -> client)
                .onFailure(e -> LOG.warnf("Cannot reach the MQTT broker's dynamic-security API at %s:%d: %s", host, port,
                        e.getMessage()));
    }

    private void onResponse(MqttPublishMessage message) {
        JsonObject body;
        try {
            body = message.payload().toJsonObject();
        } catch (RuntimeException e) {
            return;
        }
        JsonArray responses = body.getJsonArray("responses", new JsonArray());
        for (int i = 0; i < responses.size(); i++) {
            JsonObject response = responses.getJsonObject(i);
            Promise<JsonObject> waiting = pending.get(response.getString("correlationData", ""));
            if (waiting != null) {
                waiting.tryComplete(response);
            }
        }
    }

    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The MQTT broker's dynamic-security API did not answer; try again.");
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null && connection.succeeded() && connection.result().isConnected()) {
            connection.result().disconnect();
        }
    }
}
