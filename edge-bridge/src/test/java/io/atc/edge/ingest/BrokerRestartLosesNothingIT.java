package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.edge.support.Eventually;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedService;

/**
 * The broker is restarted (as an operator does: SIGTERM, start) in the middle of a stream: the
 * bridge reconnects by itself and resumes, and every message the broker acknowledged to the
 * publisher, before or after the restart, is in the database exactly once. Around the restart the
 * tenant's audit chain head is locked, so the bridge cannot commit, its in-flight window fills and
 * the broker holds a backlog for the bridge's session, which must survive the restart.
 * Breaks when: the bridge does not reconnect after losing the broker (nothing after the restart
 * arrives), or its session is not persistent (checked with cleanSession=true: the backlog is gone
 * after the restart and the count never arrives).
 */
class BrokerRestartLosesNothingIT {

    private static final int MESSAGES = 3_000;
    private static final int PER_SECOND = 600;
    /** Beyond mosquitto.conf's max_inflight_messages (1000): these wait in the broker's queue. */
    private static final int BACKLOG = 1_500;

    @Test
    void theBridgeReconnectsAndEveryAcknowledgedMessageIsStoredOnce() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.start(MosquittoConfig.locateProjectFile());
                PackagedService bridge =
                        PackagedBridge.start(mosquitto.broker(), PackagedBridge.blobDirectory(), Map.of())) {
            StreamScenario scenario = new StreamScenario(mosquitto.broker(), bridge, "Broker restart org");
            try (StreamPublisher publisher = scenario.publisher(MESSAGES, PER_SECOND)) {
                publisher.start();
                Eventually.await("the bridge storing", Duration.ofSeconds(30), scenario::stored, count -> count >= 300);
                long storedAtRestart;
                try (Connection lock = lockChainHead(scenario.org.tenantId())) {
                    Eventually.await(
                            "a backlog beyond the in-flight window",
                            Duration.ofSeconds(30),
                            () -> publisher.acknowledged().size() - scenario.stored(),
                            backlog -> backlog >= BACKLOG);
                    mosquitto.restart();
                    storedAtRestart = scenario.stored();
                    lock.rollback();
                }
                publisher.awaitFinished(Duration.ofSeconds(60));
                scenario.assertEveryAcknowledgedMessageStoredOnce(publisher);
                assertThat(scenario.stored())
                        .as("the bridge went on after the restart")
                        .isGreaterThan(storedAtRestart);
                assertThat(bridge.alive()).isTrue();
            }
        }
    }

    /** Holds the tenant's chain head as the owner would: every batch of the tenant waits for it. */
    private static Connection lockChainHead(UUID tenant) throws SQLException {
        Connection owner = TestDatabase.shared().connectAsOwner();
        owner.setAutoCommit(false);
        SyntheticOrganisations.bindTenant(owner, tenant);
        try (PreparedStatement lock =
                owner.prepareStatement("select seq from audit.chain_heads where tenant_id = ? for update")) {
            lock.setObject(1, tenant);
            lock.executeQuery().close();
        }
        return owner;
    }
}
