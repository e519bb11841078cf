package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.TestBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.mqtt.MqttConnectionException;

/** How a refusal at the TLS handshake of the mTLS listener looks from both ends. */
final class MtlsAttempts {

    private static final String BROKER_REFUSAL = "certificate verify failed";

    private MtlsAttempts() {}

    /**
     * The broker refuses the client certificate during the TLS handshake: the client never gets an
     * MQTT answer (a CONNACK refusal would be an MqttConnectionException; with TLS 1.3 the client
     * sees the connection close, since the server checks its certificate after the client's last
     * handshake message), and the broker logs OpenSSL's verification failure.
     */
    static void assertRefusedAtHandshake(TestMqttClient.TlsIdentity identity) {
        int refusalsBefore = refusals();
        Throwable failure =
                catchThrowable(() -> BrokerAdmin.connectTls(identity).close());

        assertThat(failure).as("the connection attempt fails").isNotNull();
        assertThat(rootCause(failure))
                .as("refused before MQTT: no CONNACK")
                .isNotInstanceOf(MqttConnectionException.class);
        assertThat(refusalsAfter(refusalsBefore))
                .as("the broker refused the certificate")
                .isGreaterThan(refusalsBefore);
    }

    /** The broker's refusals so far, waiting up to 2 s for one more: it may log the refusal after the client sees the close. */
    private static int refusalsAfter(int before) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        int now = refusals();
        while (now <= before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = refusals();
        }
        return now;
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static int refusals() {
        return TestBroker.log().split(BROKER_REFUSAL, -1).length - 1;
    }
}
