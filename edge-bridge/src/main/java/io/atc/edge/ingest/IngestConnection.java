package io.atc.edge.ingest;

import java.util.ArrayDeque;

import org.jboss.logging.Logger;

import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.messages.MqttPublishMessage;

/**
 * One MQTT connection of the ingest and the messages received on it. Acknowledgements go out in
 * the order the messages came in (MQTT 3.1.1, 4.6), each only once it and every message before it
 * are settled. Past {@code maxPendingBytes} of unacknowledged payload the connection stops reading,
 * so the broker, not the bridge's heap, holds the backlog.
 *
 * <p>Each connection is a new client: an acknowledgement that was meant for a dead connection must
 * never reach a new one, where the same packet id may name a different message. Confined to the
 * ingest's Vert.x context.
 */
final class IngestConnection {

    private static final Logger LOG = Logger.getLogger(IngestConnection.class);

    private final MqttClient client;
    private final IngestMetrics metrics;
    private final long maxPendingBytes;
    private final ArrayDeque<PendingMessage> unacknowledged = new ArrayDeque<>();
    private long pendingBytes;
    private boolean paused;
    private boolean closed;
    private boolean ended;
    private boolean acknowledgedAny;

    IngestConnection(MqttClient client, IngestMetrics metrics, long maxPendingBytes) {
        this.client = client;
        this.metrics = metrics;
        this.maxPendingBytes = maxPendingBytes;
    }

    MqttClient client() {
        return client;
    }

    PendingMessage received(MqttPublishMessage message) {
        PendingMessage pending = new PendingMessage(this, message);
        if (closed) {
            return pending;
        }
        unacknowledged.addLast(pending);
        metrics.unacknowledged(1);
        pendingBytes += pending.bytes();
        if (!paused && pendingBytes > maxPendingBytes) {
            paused = true;
            client.pause();
        }
        return pending;
    }

    void settled(PendingMessage pending) {
        while (!closed
                && !unacknowledged.isEmpty()
                && unacknowledged.peekFirst().settled()) {
            PendingMessage head = unacknowledged.pollFirst();
            metrics.unacknowledged(-1);
            pendingBytes -= head.bytes();
            acknowledgedAny = true;
            acknowledge(head.message());
        }
        if (paused && !closed && pendingBytes <= maxPendingBytes / 2) {
            paused = false;
            client.resume();
        }
    }

    /**
     * Something could not be stored now (the database is unreachable, a write failed): close the
     * connection without acknowledging it or anything after it. The persistent session keeps every
     * unacknowledged message, and the broker sends them again when the ingest reconnects.
     */
    void redeliverUnsettled(String why) {
        if (!closed) {
            LOG.warnf(
                    "ingest: %s; reconnecting so the broker redelivers the %d unacknowledged messages",
                    why, unacknowledged.size());
            close();
        }
    }

    void close() {
        if (closed) {
            return;
        }
        markClosed();
        if (client.isConnected()) {
            client.disconnect();
        }
    }

    /** The connection is gone: nothing more is acknowledged on it. */
    void markClosed() {
        if (!closed) {
            closed = true;
            metrics.unacknowledged(-unacknowledged.size());
            unacknowledged.clear();
            pendingBytes = 0;
        }
    }

    /** True the first time only: the end of a connection is handled once, however many ways it is reported. */
    boolean end() {
        markClosed();
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    /** True once a message was settled on it: the connection worked, so the next reconnect need not back off. */
    boolean acknowledgedAny() {
        return acknowledgedAny;
    }

    boolean closed() {
        return closed;
    }

    int unacknowledgedCount() {
        return unacknowledged.size();
    }

    private void acknowledge(MqttPublishMessage message) {
        if (message.qosLevel().value() == 0 || !client.isConnected()) {
            return;
        }
        try {
            message.ack();
        } catch (RuntimeException e) {
            // The connection went away under us: the broker will redeliver, and the row is already stored.
            LOG.debugf("ingest: could not acknowledge message %d: %s", message.messageId(), e.toString());
        }
    }
}
