package io.atc.audit.events;

import java.time.Instant;
import java.util.HexFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.atc.audit.verify.ChainRecord;

/**
 * An audit event as clients and auditors see it: every stored field, hashes and salt in hex,
 * the payload as the JSON object it is (absent once tombstoned). Enough to verify offline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = AuditEventExamples.EVENT)
public record AuditEventView(
        @Schema(format = "uuid") String tenant,

        @Schema(minimum = "0", description = "position in the tenant's chain; 0 is its genesis")
        long seq,

        @Schema(description = "the encoding version of the row hash (docs/audit.md)")
        int version,

        @Schema(description = "the previous event's hash, lowercase hex (64 zeros at genesis)")
        String prevHash,

        @Schema(description = "SHA-256 of the event's encoding, lowercase hex")
        String hash,

        @Schema(description = "RFC 3339 UTC with microseconds")
        Instant occurredAt,

        @Schema(description = "who did it: `key:<keyId>`, `user:<userId>`, `operator` or `platform`")
        String actor,

        @Schema(description = "what was done, e.g. `key.created`, `site.deleted`, `audit.erasure`")
        String action,

        @Schema(description = "what it was done to, e.g. `key:<keyId>`, `site:<siteId>`")
        String target,

        @JsonRawValue
        @Schema(
                type = SchemaType.OBJECT,
                description = "the event's details as a JSON object; absent once erased (tombstoned)")
        String payload,

        @Schema(description = "the payload commitment's salt, lowercase hex; absent once erased")
        String payloadSalt,

        @Schema(description = "SHA-256 of salt and canonical payload, lowercase hex; kept after erasure")
        String payloadHash,

        @Schema(description = "when the payload was erased; absent until then")
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
