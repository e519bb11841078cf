package io.atc.core.blobs;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The blob store of this deployment: the filesystem under {@code atc.edge.blobs.dir}. */
public class BlobStoreProducer {

    @Produces
    @Singleton
    BlobStore blobStore(BlobStoreConfig config) {
        return new FilesystemBlobStore(config.dir());
    }
}
