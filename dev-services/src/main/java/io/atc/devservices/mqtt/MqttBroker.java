package io.atc.devservices.mqtt;

/**
 * An MQTT broker for tests. {@code adminUser} is a dynamic-security admin: it may publish
 * commands to {@code $CONTROL/dynamic-security/v1}. {@code origin} says where the broker
 * came from: "env", "mosquitto-process" or "testcontainers".
 */
public record MqttBroker(String host, int port, String adminUser, String adminPassword, String origin) {

    @Override
    public String toString() {
        return "MqttBroker[host=" + host + ", port=" + port + ", adminUser=" + adminUser
                + ", adminPassword=***, origin=" + origin + "]";
    }
}
