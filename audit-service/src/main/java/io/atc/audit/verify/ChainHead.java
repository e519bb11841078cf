package io.atc.audit.verify;

/** A tenant's chain head as stored in audit.chain_heads (or as a signed checkpoint vouches for it). */
public record ChainHead(long seq, byte[] hash) {
}
