package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.edge.support.Eventually;
import io.atc.testkit.quarkus.PackagedService;

/**
 * The packaged bridge, first started against a broker that only knows its admin, subscribes without
 * a single refused attempt (the ingest waits for the bootstrap to make its identity). It is killed
 * with SIGKILL in the middle of a stream from devices registered through its API, and started
 * again: every message the broker acknowledged to the devices is in the database exactly once.
 * Batches linger 200 ms here, so at the kill there are always messages received and not yet committed.
 * Breaks when: the ingest acknowledges on receipt (checked with MqttClientOptions.setAutoAck(true):
 * the messages received but not committed at the kill are lost and the count never arrives), or the
 * session is not persistent, or the client id is not fixed (what the broker queued while the bridge
 * was down goes to nobody), or the ingest connects before the bootstrap (checked by connecting
 * without waiting for BrokerLifecycle.bootstrapped(): its first attempt is refused).
 */
class BridgeKilledMidStreamLosesNothingIT {

    private static final int MESSAGES = 3_000;
    private static final int PER_SECOND = 600;

    @Test
    void everyMessageTheBrokerAcknowledgedIsStoredExactlyOnce() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.start(MosquittoConfig.locateProjectFile())) {
            Map<String, String> settings = Map.of("ATC_EDGE_INGEST_BATCH_MAX_LINGER", "200ms");
            PackagedService bridge = PackagedBridge.start(mosquitto.broker(), PackagedBridge.blobDirectory(), settings);
            StreamScenario scenario;
            try {
                assertThat(bridge.logTail(500))
                        .as("the ingest waited for the bootstrap to make its identity")
                        .doesNotContain("ingest: cannot connect");
                scenario = new StreamScenario(mosquitto.broker(), bridge, "Killed bridge org");
            } catch (RuntimeException | AssertionError e) {
                bridge.close();
                throw e;
            }
            try (StreamPublisher publisher = scenario.publisher(MESSAGES, PER_SECOND)) {
                try {
                    publisher.start();
                    Eventually.await(
                            "the bridge storing", Duration.ofSeconds(30), scenario::stored, count -> count >= 600);
                    bridge.kill();
                    long storedAtKill = scenario.stored();
                    assertThat(storedAtKill).as("killed mid-stream").isLessThan(MESSAGES);
                    Thread.sleep(1_000);
                } finally {
                    bridge.close();
                }
                PackagedService restarted;
                try {
                    restarted = PackagedBridge.start(mosquitto.broker(), PackagedBridge.blobDirectory(), settings);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nthe broker's log:\n" + mosquitto.logTail(30), e);
                }
                try (restarted) {
                    publisher.awaitFinished(Duration.ofSeconds(60));
                    try {
                        scenario.assertEveryAcknowledgedMessageStoredOnce(publisher);
                    } catch (AssertionError e) {
                        throw new AssertionError(
                                e.getMessage() + "\nthe restarted bridge's log:\n" + restarted.logTail(60)
                                        + "\nthe broker's log:\n" + mosquitto.logTail(30),
                                e);
                    }
                    assertThat(publisher.acknowledged()).hasSize(MESSAGES);
                }
            }
        }
    }
}
