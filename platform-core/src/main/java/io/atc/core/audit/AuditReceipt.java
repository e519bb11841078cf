package io.atc.core.audit;

/** Where an appended event landed in its tenant's chain. */
public record AuditReceipt(long seq, byte[] hash) {}
