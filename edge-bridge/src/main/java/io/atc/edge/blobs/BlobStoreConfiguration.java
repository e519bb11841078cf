package io.atc.edge.blobs;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The blob store of this deployment: the filesystem under {@code atc.edge.blobs.dir}. */
public class BlobStoreConfiguration {

    @Produces
    @Singleton
    BlobStore blobStore(@ConfigProperty(name = "atc.edge.blobs.dir") Path directory) {
        return new FilesystemBlobStore(directory);
    }
}
