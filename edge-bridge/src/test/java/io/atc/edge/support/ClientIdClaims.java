package io.atc.edge.support;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.MqttConnectionException;

/**
 * A login that asks the broker for a client id, with a clean or a persistent session, and what the
 * broker made of it: refused with a CONNACK code, or accepted under the client id the broker chose,
 * as its log names it ("New client connected from … as &lt;client id&gt; (…, u'&lt;username&gt;')",
 * logged before the CONNACK is sent). An accepted claim disconnects at once.
 */
public final class ClientIdClaims {

    private static final Vertx VERTX = Vertx.vertx();
    private static final long TIMEOUT_SECONDS = 10;

    /** Either {@code refusal} or {@code clientId} (the id the broker gave the accepted connection) is set. */
    public record Outcome(MqttConnectReturnCode refusal, String clientId) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private ClientIdClaims() {}

    /** A password login on the plain listener. */
    public static Outcome withPassword(String username, String password, String clientId, boolean cleanSession) {
        MqttBroker broker = TestBroker.broker();
        MqttClientOptions options =
                new MqttClientOptions().setUsername(username).setPassword(password);
        return claim(options, clientId, cleanSession, broker.port(), username);
    }

    /** A certificate login on the TLS listener, whose username is the certificate's subject. */
    public static Outcome withCertificate(
            TestMqttClient.TlsIdentity identity, String subject, String clientId, boolean cleanSession) {
        return claim(TestMqttClient.tlsOptions(identity), clientId, cleanSession, TestBroker.tlsPort(), subject);
    }

    private static Outcome claim(
            MqttClientOptions options, String clientId, boolean cleanSession, int port, String username) {
        options.setClientId(clientId).setCleanSession(cleanSession);
        int logBefore = TestBroker.log().length();
        MqttClient client = MqttClient.create(VERTX, options);
        try {
            client.connect(port, TestBroker.broker().host())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return new Outcome(refusal(e).orElseThrow(() -> new AssertionError("connection failed", e)), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("no CONNACK within " + TIMEOUT_SECONDS + " s", e);
        }
        try {
            client.disconnect().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the broker may have closed it already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Outcome(null, clientIdGiven(TestBroker.log().substring(logBefore), username));
    }

    private static String clientIdGiven(String newLog, String username) {
        Matcher connected = Pattern.compile("New client connected from \\S+ as (.*) \\(p\\d, c\\d, k\\d+, u'"
                        + Pattern.quote(username) + "'\\)")
                .matcher(newLog);
        String last = null;
        while (connected.find()) {
            last = connected.group(1);
        }
        if (last == null) {
            throw new AssertionError("the broker logged no connection of " + username + " in: " + newLog);
        }
        return last;
    }

    private static Optional<MqttConnectReturnCode> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MqttConnectionException refused) {
                return Optional.of(refused.code());
            }
        }
        return Optional.empty();
    }
}
