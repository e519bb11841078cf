package io.atc.edge.ingest;

import java.util.UUID;

import io.atc.devservices.mqtt.DynsecAdmin;
import io.atc.edge.support.BrokerAdmin;
import io.atc.testkit.mqtt.TestMqttClient;

/**
 * A broker identity that may publish anywhere under atc/#: what a device could send if its message
 * got past the broker's ACLs (a misconfigured role, a broker bug), to prove that the bridge refuses
 * it too. Devices themselves are registered through the API and publish as themselves.
 */
final class AclBypassingPublisher {

    private static final String USER = "acl-bypassing-publisher-" + UUID.randomUUID();
    private static final String PASSWORD = DynsecAdmin.newPassword();
    private static boolean created;

    private AclBypassingPublisher() {}

    static synchronized TestMqttClient connect() {
        if (!created) {
            BrokerAdmin.createPublisher(USER, PASSWORD, "atc/#");
            created = true;
        }
        return BrokerAdmin.connect(USER, PASSWORD);
    }
}
