package io.atc.edge.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;

/**
 * Devices publishing a stream of events at QoS 1, each as itself, in turn, at a steady total rate,
 * on a thread of their own, remembering every event whose PUBACK came back from the broker: those
 * are the messages the platform promised not to lose. When the broker goes away a device reconnects
 * and goes on.
 */
final class StreamPublisher implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final MqttBroker broker;
    private final List<RegisteredDevice> devices;
    private final int total;
    private final long nanosBetween;
    private final Set<RowKey> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempted = new AtomicInteger();
    private final Thread thread;

    StreamPublisher(MqttBroker broker, List<RegisteredDevice> devices, int total, int perSecond) {
        this.broker = broker;
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
        Map<RegisteredDevice, TestMqttClient> clients = new HashMap<>();
        devices.forEach(device -> clients.put(device, connect(device)));
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
            RegisteredDevice device = devices.get(i % devices.size());
            UUID eventId = UUID.randomUUID();
            attempted.incrementAndGet();
            try {
                clients.get(device)
                        .publish(
                                device.topic("events"),
                                DevicePayloads.event(eventId).encode());
                acknowledged.add(new RowKey(device.id(), eventId));
            } catch (RuntimeException | AssertionError brokerGone) {
                closeQuietly(clients.get(device));
                clients.put(device, connect(device));
            }
            next += nanosBetween;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
        }
        clients.values().forEach(StreamPublisher::closeQuietly);
    }

    private TestMqttClient connect(RegisteredDevice device) {
        while (true) {
            try {
                return TestMqttClient.connect(vertx, broker, device.username(), device.password(), device.username());
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
