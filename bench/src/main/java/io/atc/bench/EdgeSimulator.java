package io.atc.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.atc.devservices.mqtt.MqttBroker;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * N simulated edge devices, one MQTT connection each, publishing events (and every k-th message an
 * image) at QoS 1, either at a target total rate or as fast as a window of unacknowledged publishes
 * per device allows. It remembers every message the broker acknowledged (PUBACK), so the run can
 * check afterwards that each one was stored exactly once. Each device runs on its own Vert.x context.
 */
final class EdgeSimulator {

    record Device(UUID tenantId, UUID siteId, UUID deviceId) {}

    /** A message the broker acknowledged: the device and the event or image id. */
    record Acked(UUID deviceId, UUID id, boolean image) {}

    enum Target {
        /** The device topics the ingest subscribes to. */
        INGEST,
        /** bench/... topics nobody but a plain subscriber reads: the broker-only ceiling. */
        BROKER_ONLY
    }

    private final Vertx vertx;
    private final MqttBroker broker;
    private final String user;
    private final String password;
    private final int window;
    private final List<SimulatedDevice> devices = new ArrayList<>();
    private final ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
    private final AtomicLong ackedCount = new AtomicLong();
    private final AtomicLong publishedCount = new AtomicLong();
    private final AtomicLong orderViolations = new AtomicLong();
    private volatile Run run;

    EdgeSimulator(Vertx vertx, MqttBroker broker, String user, String password, List<Device> devices, int window) {
        this.vertx = vertx;
        this.broker = broker;
        this.user = user;
        this.password = password;
        this.window = window;
        devices.forEach(device -> this.devices.add(new SimulatedDevice(device)));
    }

    Future<Void> connect() {
        List<Future<?>> connected = new ArrayList<>();
        for (SimulatedDevice device : devices) {
            connected.add(device.connect());
        }
        return Future.all(connected).mapEmpty();
    }

    /**
     * Starts publishing; {@code totalRate} 0 means as fast as the window allows.
     *
     * @param imageEvery every k-th message of a device is an image of {@code imageBytes} (0: none)
     */
    void start(Target target, double totalRate, int imageEvery, int imageBytes) {
        run = new Run(target, totalRate / devices.size(), imageEvery, imageBytes, System.nanoTime());
        devices.forEach(SimulatedDevice::start);
    }

    void stop() {
        run = null;
    }

    long acked() {
        return ackedCount.get();
    }

    long published() {
        return publishedCount.get();
    }

    long orderViolations() {
        return orderViolations.get();
    }

    /** Everything acknowledged so far, drained: each call returns only what came since the last. */
    List<Acked> drainAcked() {
        List<Acked> drained = new ArrayList<>();
        for (Acked next = acked.poll(); next != null; next = acked.poll()) {
            drained.add(next);
        }
        return drained;
    }

    /** Publishes outstanding when {@link #stop()} was called are still acknowledged; wait for them. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (devices.stream().allMatch(device -> device.outstandingCount == 0)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    void close() {
        stop();
        devices.forEach(device -> device.context.runOnContext(ignored -> device.client.disconnect()));
    }

    private record Run(Target target, double ratePerDevice, int imageEvery, int imageBytes, long startNanos) {}

    private record Outstanding(Acked message) {}

    private final class SimulatedDevice {

        private final Device device;
        private final ArrayDeque<Outstanding> outstanding = new ArrayDeque<>();
        private volatile int outstandingCount;
        private Context context;
        private MqttClient client;
        private long sent;
        private long runStarted;
        private long timer = -1;

        SimulatedDevice(Device device) {
            this.device = device;
        }

        Future<Void> connect() {
            context = vertx.getOrCreateContext();
            return Future.future(promise -> context.runOnContext(ignored -> {
                client = MqttClient.create(
                        vertx,
                        new MqttClientOptions()
                                .setUsername(user)
                                .setPassword(password)
                                .setClientId("sim-" + device.deviceId())
                                .setMaxInflightQueue(Math.max(10, window)));
                client.publishCompletionHandler(this::acknowledged);
                client.connect(broker.port(), broker.host()).<Void>mapEmpty().onComplete(promise);
            }));
        }

        void start() {
            context.runOnContext(ignored -> {
                sent = 0;
                runStarted = System.nanoTime();
                if (timer < 0) {
                    timer = vertx.setPeriodic(5, tick -> publishDue());
                }
            });
        }

        private void publishDue() {
            Run current = run;
            if (current == null || !client.isConnected()) {
                return;
            }
            long due = current.ratePerDevice() <= 0
                    ? Long.MAX_VALUE
                    : (long) (current.ratePerDevice() * (System.nanoTime() - runStarted) / 1e9) - sent;
            while (due > 0 && outstanding.size() < window) {
                publishOne(current);
                due--;
            }
        }

        private void publishOne(Run current) {
            sent++;
            boolean image = current.imageEvery() > 0 && sent % current.imageEvery() == 0;
            UUID id = UUID.randomUUID();
            String prefix = current.target() == Target.INGEST
                    ? "atc/" + device.tenantId() + "/" + device.siteId() + "/" + device.deviceId()
                    : "bench/" + device.deviceId();
            Buffer payload =
                    image ? Buffer.buffer(imageEnvelope(id, current.imageBytes())) : Buffer.buffer(event(id, sent));
            outstanding.addLast(new Outstanding(new Acked(device.deviceId(), id, image)));
            outstandingCount = outstanding.size();
            publishedCount.incrementAndGet();
            client.publish(prefix + (image ? "/images" : "/events"), payload, MqttQoS.AT_LEAST_ONCE, false, false);
        }

        /** Mosquitto acknowledges QoS 1 publishes of one connection in order. */
        private void acknowledged(int packetId) {
            Outstanding done = outstanding.pollFirst();
            outstandingCount = outstanding.size();
            if (done == null) {
                orderViolations.incrementAndGet();
                return;
            }
            acked.add(done.message());
            ackedCount.incrementAndGet();
            Run current = run;
            if (current != null && current.ratePerDevice() <= 0) {
                publishOne(current);
            }
        }

        private String event(UUID id, long sequence) {
            return "{\"event_id\":\"" + id + "\",\"occurred_at\":\""
                    + Instant.now().truncatedTo(ChronoUnit.MICROS) + "\",\"type\":\"bench.tick\",\"data\":{\"seq\":"
                    + sequence + ",\"zone\":\"gate 3\",\"confidence\":0.93}}";
        }

        private byte[] imageEnvelope(UUID id, int bytes) {
            byte[] header =
                    ("{\"image_id\":\"" + id + "\",\"content_type\":\"image/jpeg\"}").getBytes(StandardCharsets.UTF_8);
            byte[] image = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(image);
            return ByteBuffer.allocate(2 + header.length + bytes)
                    .putShort((short) header.length)
                    .put(header)
                    .put(image)
                    .array();
        }
    }
}
