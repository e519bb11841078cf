package io.atc.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Version 1 of an audit row's hash, written independently of the database's
 * audit.entry_hash_v1 so the verifier does not trust the writer: SHA-256 over
 * "ATC-AUDIT" | version (int16) | tenant (16 bytes) | seq (int64) | prev_hash (32 bytes)
 * | occurred_at in UTC microseconds since the epoch (int64) | actor | action | target
 * (each int32 length + UTF-8 bytes) | payload_hash (32 bytes). All integers big-endian.
 */
public final class AuditRecordHash {

    public static final int VERSION = 1;
    public static final byte[] GENESIS_PREV = new byte[32];

    private static final byte[] DOMAIN = "ATC-AUDIT".getBytes(StandardCharsets.UTF_8);

    private AuditRecordHash() {}

    public static byte[] v1(
            UUID tenant,
            long seq,
            byte[] prevHash,
            Instant occurredAt,
            String actor,
            String action,
            String target,
            byte[] payloadHash) {
        MessageDigest sha256 = AuditPayloads.sha256();
        sha256.update(DOMAIN);
        sha256.update(ByteBuffer.allocate(2 + 16 + 8)
                .putShort((short) VERSION)
                .putLong(tenant.getMostSignificantBits())
                .putLong(tenant.getLeastSignificantBits())
                .putLong(seq)
                .array());
        sha256.update(prevHash);
        sha256.update(ByteBuffer.allocate(8).putLong(epochMicros(occurredAt)).array());
        updateText(sha256, actor);
        updateText(sha256, action);
        updateText(sha256, target);
        sha256.update(payloadHash);
        return sha256.digest();
    }

    public static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void updateText(MessageDigest sha256, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        sha256.update(ByteBuffer.allocate(4).putInt(utf8.length).array());
        sha256.update(utf8);
    }
}
