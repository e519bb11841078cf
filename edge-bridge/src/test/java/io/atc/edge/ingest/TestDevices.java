package io.atc.edge.ingest;

import io.atc.devservices.mqtt.DynsecAdmin;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.broker.BrokerResolver;
import io.atc.testkit.broker.DynsecTestClients;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;

/**
 * A broker identity that may publish anywhere under atc/#, standing in for devices whose messages
 * the broker has already accepted (device provisioning and ACLs are tested where they are built).
 * It can therefore publish what a device's ACL would refuse, to prove the bridge refuses it too.
 */
final class TestDevices {

    private static final Vertx VERTX = Vertx.vertx();
    private static final String USER = "ingest-tests-publisher";
    private static String password;

    private TestDevices() {
    }

    static synchronized TestMqttClient connect() {
        MqttBroker broker = BrokerResolver.resolve();
        if (password == null) {
            String fresh = DynsecAdmin.newPassword();
            DynsecTestClients.createPublisher(VERTX, broker, USER, fresh, "atc/#");
            password = fresh;
        }
        return TestMqttClient.connect(VERTX, broker, USER, password);
    }
}
