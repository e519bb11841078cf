package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The event schema of docs/edge.md, as EventDecoder enforces it: everything it accepts Postgres can
 * store, so one device's odd payload can never fail a batch it shares with others.
 */
class EventSchemaTests {

    private static final String ID = "0b9f3d3e-52a4-4c1e-9a59-6f1f1e1d2c3b";
    private final EventDecoder decoder = new EventDecoder(65_536);

    @Test
    void aCompleteEventIsRead() throws MessageRejected {
        DeviceEvent event = decoder.decode(bytes("""
                {"event_id":"%s","occurred_at":"2026-03-01T12:00:00.5+02:00","type":"door.opened",
                 "data":{"n":1.50,"big":1E+400,"list":[1,"two",{"three":null}],"emoji":"\\ud83d\\ude00"},
                 "image_id":"%s"}""".formatted(ID, ID)));

        assertThat(event.eventId()).isEqualTo(UUID.fromString(ID));
        assertThat(event.occurredAt().toInstant().toString()).isEqualTo("2026-03-01T10:00:00.500Z");
        assertThat(event.type()).isEqualTo("door.opened");
        assertThat(event.dataJson())
                .isEqualTo(
                        "{\"n\":1.50,\"big\":1E+400,\"list\":[1,\"two\",{\"three\":null}],\"emoji\":\"\uD83D\uDE00\"}");
        assertThat(event.imageId()).isEqualTo(UUID.fromString(ID));
    }

    @Test
    void dataIsOptional() throws MessageRejected {
        assertThat(decoder.decode(bytes("{\"event_id\":\"%s\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\"}"
                                .formatted(ID)))
                        .dataJson())
                .isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\"}",
                "{\"event_id\":\"1-2-3-4-5\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\"}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00\",\"type\":\"t\"}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00Z\",\"type\":\"t\"}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-02-30T12:00:00Z\",\"type\":\"t\"}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"1969-12-31T23:59:59Z\",\"type\":\"t\"}",
                "{\"event_id\":\"ID\",\"occurred_at\":1772366400,\"type\":\"t\"}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"has space\"}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\"}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\",\"data\":[1]}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\",\"extra\":1}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\",\"data\":{\"s\":\"a\\u0000b\"}}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\",\"data\":{\"a\\u0000\":1}}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\",\"data\":{\"s\":\"\\ud800\"}}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\",\"data\":{\"n\":1e100000}}",
                "{\"event_id\":\"ID\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\",\"image_id\":\"x\"}",
                "[1,2]",
                "\"just a string\"",
            })
    void schemaViolationsAreInvalidEvents(String json) {
        assertThatThrownBy(() -> decoder.decode(bytes(json.replace("\"ID\"", "\"" + ID + "\""))))
                .isInstanceOfSatisfying(
                        MessageRejected.class, e -> assertThat(e.reason()).isEqualTo(DropReason.INVALID_EVENT));
    }

    @Test
    void nestingDeeperThanTheLimitIsInvalid() {
        int levels = EventDecoder.MAX_DEPTH + 1;
        String deep = "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
        assertThatThrownBy(() -> decoder.decode(bytes(
                        "{\"event_id\":\"%s\",\"occurred_at\":\"2026-03-01T12:00:00Z\",\"type\":\"t\",\"data\":%s}"
                                .formatted(ID, deep))))
                .isInstanceOfSatisfying(
                        MessageRejected.class, e -> assertThat(e.reason()).isEqualTo(DropReason.INVALID_EVENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"event_id\":1,}", "{\"a\":1,\"a\":2}", "{} {}", "\u00ff\u00fe"})
    void unreadableJsonIsMalformed(String text) {
        assertThatThrownBy(() -> decoder.decode(bytes(text)))
                .isInstanceOfSatisfying(
                        MessageRejected.class, e -> assertThat(e.reason()).isEqualTo(DropReason.MALFORMED_JSON));
    }

    @Test
    void aPayloadOverTheLimitIsOversizeBeforeItIsRead() {
        assertThatThrownBy(() -> new EventDecoder(10).decode(bytes("{\"event_id\":")))
                .isInstanceOfSatisfying(
                        MessageRejected.class, e -> assertThat(e.reason()).isEqualTo(DropReason.OVERSIZE));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
