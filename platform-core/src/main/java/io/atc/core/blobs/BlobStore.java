package io.atc.core.blobs;

import java.io.IOException;
import java.util.Optional;

/**
 * Where image bytes live, by key ({@link BlobKeys}). A second implementation (S3-compatible object
 * storage) fits the same three calls. Implementations block: call them from a worker thread.
 */
public interface BlobStore {

    /**
     * Durably stores {@code content} under {@code key} unless the key already holds a blob, and
     * describes what the key holds afterwards. Never leaves a partial blob under the key: a
     * redelivered message finds the first copy and keeps it.
     */
    StoredBlob putIfAbsent(String key, byte[] content) throws IOException;

    Optional<byte[]> read(String key) throws IOException;

    /** Deletes what the key holds, durably; whether there was anything. Deleting an absent key is not an error. */
    boolean delete(String key) throws IOException;
}
