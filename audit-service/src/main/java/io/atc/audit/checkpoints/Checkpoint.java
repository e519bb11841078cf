package io.atc.audit.checkpoints;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.atc.core.audit.AuditPayloads;

/**
 * A signed statement, kept outside the database: "at signedAt, tenant's chain reached seq with
 * head hash headHash". A chain later found shorter than, or different at, seq has been rewound.
 */
public record Checkpoint(UUID tenant, long seq, byte[] headHash, Instant signedAt) {

    public static final int VERSION = 1;

    /** The bytes the signature covers: RFC 8785 canonical JSON of the fields below. */
    public byte[] signedBytes() {
        return AuditPayloads.canonicalJson(fields());
    }

    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        fields.put("tenant", tenant.toString());
        fields.put("seq", seq);
        fields.put("headHash", HexFormat.of().formatHex(headHash));
        fields.put("signedAt", signedAt.toString());
        return fields;
    }

    @Override
    public String toString() {
        return new String(signedBytes(), StandardCharsets.UTF_8);
    }
}
