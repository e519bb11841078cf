package io.atc.edge.ingest;

import io.vertx.mqtt.messages.MqttPublishMessage;

/**
 * A received message until it is settled: stored and committed, or dropped for good. Only a
 * settled message is acknowledged to the broker; one that is never settled (the bridge died, its
 * batch failed) is redelivered. Confined to the ingest's Vert.x context, like its connection.
 */
final class PendingMessage {

    private final IngestConnection connection;
    private final MqttPublishMessage message;
    private boolean settled;

    PendingMessage(IngestConnection connection, MqttPublishMessage message) {
        this.connection = connection;
        this.message = message;
    }

    MqttPublishMessage message() {
        return message;
    }

    int bytes() {
        return message.payload().length();
    }

    boolean settled() {
        return settled;
    }

    /** Stored, or dropped for good: the broker may forget it. */
    void settle() {
        if (!settled) {
            settled = true;
            connection.settled(this);
        }
    }

    /** It could not be stored now; the broker must deliver it again. */
    void retryLater(String why) {
        connection.redeliverUnsettled(why);
    }
}
