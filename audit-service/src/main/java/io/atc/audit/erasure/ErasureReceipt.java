package io.atc.audit.erasure;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an erasure did: the events it tombstoned, and the audit event that records it. */
@Schema(name = "AuditErasureReceipt", example = ErasureExamples.RECEIPT)
public record ErasureReceipt(
        @Schema(description = "the seqs whose payload this erasure cleared, ascending")
        List<Long> erasedSeqs) {}
