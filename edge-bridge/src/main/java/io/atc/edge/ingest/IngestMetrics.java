package io.atc.edge.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The ingest's meters (docs/edge.md, "Metrics"). Tags come from closed sets (drop reasons, two
 * kinds, three batch outcomes), never from a topic, a tenant or a device.
 */
@Singleton
public class IngestMetrics {

    public static final String DROPPED = "atc.edge.ingest.dropped";
    public static final String STORED = "atc.edge.ingest.stored";
    public static final String DUPLICATES = "atc.edge.ingest.duplicates";
    public static final String BATCHES = "atc.edge.ingest.batches";
    public static final String LAG = "atc.edge.ingest.lag";
    public static final String CONNECTED = "atc.edge.ingest.connected";
    public static final String UNACKNOWLEDGED = "atc.edge.ingest.unacknowledged";

    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
    private final Counter storedEvents;
    private final Counter storedImages;
    private final Counter duplicateEvents;
    private final Counter duplicateImages;
    private final Counter committed;
    private final Counter nothingNew;
    private final Counter failed;
    private final Timer lag;
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong unacknowledged = new AtomicLong();

    public IngestMetrics(MeterRegistry registry) {
        for (DropReason reason : DropReason.values()) {
            dropped.put(
                    reason,
                    Counter.builder(DROPPED)
                            .description("Device messages dropped (and acknowledged), by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
        storedEvents = stored(registry, STORED, "event", "Rows newly stored");
        storedImages = stored(registry, STORED, "image", "Rows newly stored");
        duplicateEvents = stored(registry, DUPLICATES, "event", "Redelivered messages whose row was already stored");
        duplicateImages = stored(registry, DUPLICATES, "image", "Redelivered messages whose row was already stored");
        committed = batches(registry, "committed");
        nothingNew = batches(registry, "nothing-new");
        failed = batches(registry, "failed");
        lag = Timer.builder(LAG)
                .description("From an event's occurred_at (the device's clock) to the commit of its batch")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        Gauge.builder(CONNECTED, connected, AtomicLong::get)
                .description("1 while the ingest is connected and subscribed to the broker")
                .register(registry);
        Gauge.builder(UNACKNOWLEDGED, unacknowledged, AtomicLong::get)
                .description("Messages received and not yet acknowledged to the broker")
                .register(registry);
    }

    void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    void committed(int newEvents, int duplicateEventCount, int newImages, int duplicateImageCount) {
        (newEvents + newImages > 0 ? committed : nothingNew).increment();
        storedEvents.increment(newEvents);
        duplicateEvents.increment(duplicateEventCount);
        storedImages.increment(newImages);
        duplicateImages.increment(duplicateImageCount);
    }

    void batchFailed() {
        failed.increment();
    }

    void lag(OffsetDateTime occurredAt, long nowMillis) {
        lag.record(Math.max(0, nowMillis - occurredAt.toInstant().toEpochMilli()), TimeUnit.MILLISECONDS);
    }

    void connected(boolean isConnected) {
        connected.set(isConnected ? 1 : 0);
    }

    void unacknowledged(long delta) {
        unacknowledged.addAndGet(delta);
    }

    private static Counter stored(MeterRegistry registry, String name, String kind, String description) {
        return Counter.builder(name).description(description).tag("kind", kind).register(registry);
    }

    private static Counter batches(MeterRegistry registry, String outcome) {
        return Counter.builder(BATCHES)
                .description("Tenant batches written, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
