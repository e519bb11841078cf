package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.pgclient.PgException;

/**
 * A batch Postgres refuses as data (a value validation did not foresee) is written again message by
 * message: the refused message is dropped as rejected-by-database and settled, the others are stored
 * and settled, so nothing waits behind it. A batch that fails for any other reason (the database is
 * unreachable) settles nothing: the broker must redeliver it.
 * Breaks when: TenantBatches treats a data error like an outage (checked: the batch is then never
 * split, only closed for redelivery, forever) or an outage like a data error (messages would be
 * acknowledged without being stored).
 */
class ARowPostgresRefusesCannotHoldBackItsBatchTests {

    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void theRefusedMessageIsDroppedAndTheOthersAreStored() throws Exception {
        UUID poison = UUID.randomUUID();
        List<List<UUID>> attempts = new ArrayList<>();
        BatchWriter writer = new BatchWriter(null, null) {
            @Override
            Uni<Written> write(UUID tenantId, List<BatchItem> items) {
                List<UUID> ids = eventIds(items);
                attempts.add(ids);
                if (ids.contains(poison)) {
                    return Uni.createFrom().failure(new PgException("invalid input", "ERROR", "22P02", null));
                }
                return Uni.createFrom()
                        .item(new Written(
                                items.stream()
                                        .map(item -> new RowKey(
                                                item.deviceId(),
                                                ((BatchItem.Event) item).event().eventId()))
                                        .collect(Collectors.toSet()),
                                Set.of()));
            }
        };

        Outcome outcome = writeOneBatch(
                writer,
                List.of(UUID.randomUUID(), poison, UUID.randomUUID()),
                settled -> settled.unacknowledged() == 0 || settled.closed());

        assertThat(attempts).hasSize(4).first().asList().hasSize(3);
        assertThat(outcome.unacknowledged()).isZero();
        assertThat(outcome.closed()).isFalse();
        assertThat(registry.get(IngestMetrics.DROPPED)
                        .tag("reason", "rejected-by-database")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(IngestMetrics.STORED)
                        .tag("kind", "event")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aBatchThatFailsForAnyOtherReasonIsLeftForRedelivery() throws Exception {
        BatchWriter writer = new BatchWriter(null, null) {
            @Override
            Uni<Written> write(UUID tenantId, List<BatchItem> items) {
                return Uni.createFrom()
                        .failure(new PgException("the database system is shutting down", "FATAL", "57P01", null));
            }
        };

        Outcome outcome = writeOneBatch(writer, List.of(UUID.randomUUID(), UUID.randomUUID()), Outcome::closed);

        assertThat(outcome.closed()).as("connection closed for redelivery").isTrue();
        assertThat(registry.get(IngestMetrics.STORED)
                        .tag("kind", "event")
                        .counter()
                        .count())
                .isZero();
        assertThat(registry.get(IngestMetrics.DROPPED)
                        .tag("reason", "rejected-by-database")
                        .counter()
                        .count())
                .isZero();
    }

    private record Outcome(int unacknowledged, boolean closed) {}

    /** Runs one tenant batch of the given events through TenantBatches on a context of its own, until {@code done}. */
    private Outcome writeOneBatch(BatchWriter writer, List<UUID> eventIds, Predicate<Outcome> done) throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<IngestConnection> connection = new CompletableFuture<>();
        context.runOnContext(start -> {
            IngestConnection unconnected =
                    new IngestConnection(MqttClient.create(vertx, new MqttClientOptions()), metrics, 1 << 20);
            TenantBatches batches = new TenantBatches(
                    context, writer, metrics, 100, Duration.ofMillis(1).toNanos());
            UUID tenant = UUID.randomUUID();
            UUID device = UUID.randomUUID();
            for (UUID eventId : eventIds) {
                PendingMessage pending = unconnected.received(MqttPublishMessage.create(
                        1, MqttQoS.AT_LEAST_ONCE, false, false, "atc/t/s/d/events", Unpooled.wrappedBuffer(new byte[] {
                            '{', '}'
                        })));
                batches.add(
                        tenant,
                        new BatchItem.Event(
                                pending,
                                UUID.randomUUID(),
                                device,
                                new DeviceEvent(eventId, OffsetDateTime.now(), "t", "{}", null, 2)));
            }
            connection.complete(unconnected);
        });
        IngestConnection unconnected = connection.get(5, TimeUnit.SECONDS);
        return Eventually.await("the batch settled", Duration.ofSeconds(5), () -> read(context, unconnected), done);
    }

    private static Outcome read(Context context, IngestConnection connection) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        context.runOnContext(
                read -> outcome.complete(new Outcome(connection.unacknowledgedCount(), connection.closed())));
        try {
            return outcome.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> eventIds(List<BatchItem> items) {
        return items.stream()
                .map(item -> ((BatchItem.Event) item).event().eventId())
                .toList();
    }
}
