package io.atc.audit.events;

import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.atc.audit.verify.ChainRecord;

/**
 * An audit event as clients and auditors see it: every stored field, hashes and salt in hex,
 * the payload as the JSON object it is (absent once tombstoned). Enough to verify offline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventView(
        String tenant,
        long seq,
        int version,
        String prevHash,
        String hash,
        Instant occurredAt,
        String actor,
        String action,
        String target,
        @JsonRawValue String payload,
        String payloadSalt,
        String payloadHash,
        Instant tombstonedAt) {

    static AuditEventView of(String tenant, ChainRecord record) {
        HexFormat hex = HexFormat.of();
        return new AuditEventView(
                tenant,
                record.seq(),
                record.version(),
                hex.formatHex(record.prevHash()),
                hex.formatHex(record.hash()),
                record.occurredAt(),
                record.actor(),
                record.action(),
                record.target(),
                record.payloadJson(),
                record.payloadSalt() == null ? null : hex.formatHex(record.payloadSalt()),
                hex.formatHex(record.payloadHash()),
                record.tombstonedAt());
    }
}
