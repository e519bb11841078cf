package io.atc.edge.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/** What devices send: event JSON and image envelopes (docs/edge.md). */
final class DevicePayloads {

    private DevicePayloads() {}

    static JsonObject event(UUID eventId) {
        return new JsonObject()
                .put("event_id", eventId.toString())
                .put("occurred_at", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .put("type", "motion.detected")
                .put("data", new JsonObject().put("zone", "gate 3").put("confidence", 0.97));
    }

    static byte[] image(UUID imageId, byte[] bytes, boolean withDigest) {
        JsonObject header = new JsonObject().put("image_id", imageId.toString()).put("content_type", "image/jpeg");
        if (withDigest) {
            header.put("sha256", HexFormat.of().formatHex(sha256(bytes)));
        }
        byte[] headerBytes = header.encode().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + headerBytes.length + bytes.length)
                .putShort((short) headerBytes.length)
                .put(headerBytes)
                .put(bytes)
                .array();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
