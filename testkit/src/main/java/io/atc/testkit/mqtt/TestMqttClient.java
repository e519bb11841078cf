package io.atc.testkit.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.atc.devservices.mqtt.MqttBroker;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

/** A blocking MQTT 3.1.1 client for tests, one operation at a time, everything at QoS 1. */
public final class TestMqttClient implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 5;

    public record Message(String topic, String payload) {}

    /**
     * A device's TLS identity: its certificate chain (leaf first) and private key, and the CA the
     * broker's certificate must chain to, all PEM.
     */
    public record TlsIdentity(String trustedCaPem, String certificateChainPem, String privateKeyPem) {

        @Override
        public String toString() {
            return "TlsIdentity[privateKeyPem=***]";
        }
    }

    private final MqttClient client;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private volatile CompletableFuture<List<Integer>> pendingSubAck;
    private volatile CompletableFuture<Integer> pendingPubAck;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Predicate<MqttPublishMessage> unwanted = message -> false;

    private TestMqttClient(MqttClient client) {
        this.client = client;
        client.closeHandler(ignored -> closed.complete(null));
        client.publishHandler(message -> {
            if (!unwanted.test(message)) {
                received.add(new Message(message.topicName(), message.payload().toString()));
            }
        });
        client.subscribeCompletionHandler(ack -> pendingSubAck.complete(ack.grantedQoSLevels()));
        client.publishCompletionHandler(packetId -> pendingPubAck.complete(packetId));
    }

    /** Connects, or fails with a {@link io.vertx.mqtt.MqttConnectionException} as root cause. */
    public static TestMqttClient connect(Vertx vertx, MqttBroker broker, String username, String password) {
        return connect(
                vertx, broker, new MqttClientOptions().setUsername(username).setPassword(password));
    }

    /**
     * Connects with a clean session under a given client id, which ends that client id's stored
     * session at the broker (and takes over a live connection that uses it).
     */
    public static TestMqttClient connect(
            Vertx vertx, MqttBroker broker, String username, String password, String clientId) {
        return connect(
                vertx,
                broker,
                new MqttClientOptions()
                        .setUsername(username)
                        .setPassword(password)
                        .setClientId(clientId)
                        .setCleanSession(true));
    }

    private static TestMqttClient connect(Vertx vertx, MqttBroker broker, MqttClientOptions options) {
        MqttClient client = MqttClient.create(vertx, options);
        TestMqttClient testClient = new TestMqttClient(client);
        await(client.connect(broker.port(), broker.host()));
        return testClient;
    }

    /**
     * Connects over TLS with a client certificate and no username or password (the broker takes the
     * username from the certificate), checking the broker's certificate and host name. Fails, with
     * an SSL exception or a closed connection as root cause, when the broker refuses the certificate.
     */
    public static TestMqttClient connectTls(Vertx vertx, String host, int port, TlsIdentity identity) {
        MqttClient client = MqttClient.create(vertx, tlsOptions(identity));
        TestMqttClient testClient = new TestMqttClient(client);
        await(client.connect(port, host));
        return testClient;
    }

    /** Options for a TLS login with {@code identity}'s certificate and no password, checking the broker's name. */
    public static MqttClientOptions tlsOptions(TlsIdentity identity) {
        MqttClientOptions options = new MqttClientOptions();
        options.setSsl(true)
                .setHostnameVerificationAlgorithm("HTTPS")
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(identity.trustedCaPem())))
                .setKeyCertOptions(new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(identity.certificateChainPem()))
                        .addKeyValue(Buffer.buffer(identity.privateKeyPem())));
        return options;
    }

    /**
     * From now on, drops the messages {@code unwanted} matches instead of queueing them: a watcher
     * whose business is elsewhere ignores, say, what the broker kept (retained messages arrive
     * flagged retained on subscribing; a live publish arrives unflagged, even one sent retained).
     */
    public TestMqttClient ignoring(Predicate<MqttPublishMessage> unwanted) {
        this.unwanted = unwanted;
        return this;
    }

    /** Subscribes and returns the QoS levels the broker granted (128 means refused). */
    public List<Integer> subscribe(String topicFilter) {
        pendingSubAck = new CompletableFuture<>();
        await(client.subscribe(topicFilter, MqttQoS.AT_LEAST_ONCE.value()));
        return await(pendingSubAck);
    }

    /** Publishes and waits for the broker's PUBACK, which MQTT 3.1.1 sends even for a denied publish. */
    public void publish(String topic, String payload) {
        publish(topic, Buffer.buffer(payload));
    }

    /** Publishes binary content (an image, say) and waits for the broker's PUBACK. */
    public void publish(String topic, byte[] payload) {
        publish(topic, Buffer.buffer(payload));
    }

    /** Publishes with the retain flag set and waits for the broker's PUBACK. */
    public void publishRetained(String topic, String payload) {
        publish(topic, Buffer.buffer(payload), true);
    }

    private void publish(String topic, Buffer payload) {
        publish(topic, payload, false);
    }

    private void publish(String topic, Buffer payload, boolean retain) {
        pendingPubAck = new CompletableFuture<>();
        await(client.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, retain));
        await(pendingPubAck);
    }

    public Message nextMessage() {
        try {
            Message message = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("No message within " + TIMEOUT_SECONDS + " s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** False once the broker has closed the connection (or after {@link #close()}). */
    public boolean isConnected() {
        return client.isConnected();
    }

    /** The next message, if one arrives within {@code timeout}. */
    public Optional<Message> pollMessage(Duration timeout) {
        try {
            return Optional.ofNullable(received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True once the broker has closed the connection, waiting up to {@code timeout} for it. */
    public boolean awaitDisconnected(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (client.isConnected()) {
            await(client.disconnect());
        }
    }

    public static <T> T await(Future<T> future) {
        return await(future.toCompletionStage().toCompletableFuture());
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("MQTT operation took more than " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
