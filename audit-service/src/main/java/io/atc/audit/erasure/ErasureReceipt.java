package io.atc.audit.erasure;

import java.util.List;

/** What an erasure did: the events it tombstoned, and the audit event that records it. */
public record ErasureReceipt(List<Long> erasedSeqs) {}
