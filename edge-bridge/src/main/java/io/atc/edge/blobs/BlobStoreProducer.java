package io.atc.edge.blobs;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.atc.edge.config.EdgeConfig;

/** The blob store of this deployment: the filesystem under {@code atc.edge.blobs.dir}. */
public class BlobStoreProducer {

    @Produces
    @Singleton
    BlobStore blobStore(EdgeConfig config) {
        return new FilesystemBlobStore(config.blobs().dir());
    }
}
