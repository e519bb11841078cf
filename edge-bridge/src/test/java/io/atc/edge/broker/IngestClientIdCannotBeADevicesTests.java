package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Devices connect under their own client id only, so a bridge configured with a device's client id
 * for its ingest would hand that device the ingest's session: the bridge refuses to start with one.
 * A careless operator sets {@code ATC_EDGE_INGEST_CLIENT_ID} to a device's username or certificate subject.
 * Breaks when: the client id check leaves {@link BrokerConfigCheck#problems} (seen: no problem reported).
 */
class IngestClientIdCannotBeADevicesTests {

    private static final Optional<String> ADMIN = Optional.of("admin-password");
    private static final Optional<String> INGEST = Optional.of("an-ingest-password-of-32-characters");

    @Test
    void aDevicesUsernameOrSubjectIsRefusedAsTheIngestsClientId() {
        DeviceIdentity device = new DeviceIdentity(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        for (String clientId : new String[] {device.clientId(), device.certificateUsername()}) {
            assertThat(BrokerConfigCheck.problems(ADMIN, INGEST, clientId))
                    .as(clientId)
                    .singleElement()
                    .asString()
                    .startsWith("ATC_EDGE_INGEST_CLIENT_ID");
        }
    }

    @Test
    void aReplicasOwnNameIsFine() {
        assertThat(BrokerConfigCheck.problems(ADMIN, INGEST, "atc-ingest")).isEmpty();
        assertThat(BrokerConfigCheck.problems(ADMIN, INGEST, "edge-bridge-2")).isEmpty();
    }
}
