package io.atc.edge.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;

/**
 * Devices publishing a stream of events at QoS 1, at a steady rate, on a thread of their own,
 * remembering every event whose PUBACK came back from the broker: those are the messages the
 * platform promised not to lose. When the broker goes away it reconnects and goes on.
 */
final class StreamPublisher implements AutoCloseable {

    record Device(UUID tenantId, UUID siteId, UUID deviceId) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final MqttBroker broker;
    private final String user;
    private final String password;
    private final List<Device> devices;
    private final int total;
    private final long nanosBetween;
    private final Set<RowKey> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempted = new AtomicInteger();
    private final Thread thread;

    StreamPublisher(MqttBroker broker, String user, String password, List<Device> devices, int total, int perSecond) {
        this.broker = broker;
        this.user = user;
        this.password = password;
        this.devices = devices;
        this.total = total;
        this.nanosBetween = 1_000_000_000L / perSecond;
        this.thread = new Thread(this::run, "stream-publisher");
    }

    StreamPublisher start() {
        thread.start();
        return this;
    }

    Set<RowKey> acknowledged() {
        return acknowledged;
    }

    int attempted() {
        return attempted.get();
    }

    void awaitFinished(Duration limit) throws InterruptedException {
        thread.join(limit.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the publisher did not finish within " + limit.toSeconds() + " s");
        }
    }

    private void run() {
        TestMqttClient client = connect();
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
            Device device = devices.get(i % devices.size());
            UUID eventId = UUID.randomUUID();
            attempted.incrementAndGet();
            try {
                client.publish(DevicePayloads.eventsTopic(device.tenantId(), device.siteId(), device.deviceId()),
                        DevicePayloads.event(eventId).encode());
                acknowledged.add(new RowKey(device.deviceId(), eventId));
            } catch (RuntimeException | AssertionError brokerGone) {
                closeQuietly(client);
                client = connect();
            }
            next += nanosBetween;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
        }
        closeQuietly(client);
    }

    private TestMqttClient connect() {
        while (true) {
            try {
                return TestMqttClient.connect(vertx, broker, user, password);
            } catch (RuntimeException | AssertionError notYet) {
                sleep(100);
            }
        }
    }

    private static void closeQuietly(TestMqttClient client) {
        try {
            client.close();
        } catch (RuntimeException | AssertionError alreadyGone) {
            // the connection is already closed
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        vertx.close();
    }
}
