package io.atc.edge.ingest;

import java.util.UUID;

import io.atc.core.blobs.StoredBlob;

/** A message ready to be written in its tenant's next batch, with the site and device its registration gives. */
sealed interface BatchItem {

    PendingMessage pending();

    UUID siteId();

    UUID deviceId();

    record Event(PendingMessage pending, UUID siteId, UUID deviceId, DeviceEvent event) implements BatchItem {}

    /** An image whose bytes are already durable in the blob store. */
    record Image(PendingMessage pending, UUID siteId, UUID deviceId, UUID imageId, String contentType, StoredBlob blob)
            implements BatchItem {}
}
