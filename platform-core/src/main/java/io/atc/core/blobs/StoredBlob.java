package io.atc.core.blobs;

/** What a blob store holds under a key: its size and the SHA-256 of its bytes. */
public record StoredBlob(String key, long size, byte[] sha256) {}
