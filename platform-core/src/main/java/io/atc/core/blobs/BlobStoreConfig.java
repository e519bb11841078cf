package io.atc.core.blobs;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The blob store of this deployment, {@code atc.edge.blobs.*}: the filesystem (in Kubernetes a persistent
 * volume). The edge-bridge writes device images there and the retention-service deletes expired ones, so
 * both must be given the same directory.
 */
@ConfigMapping(prefix = "atc.edge.blobs")
public interface BlobStoreConfig {

    /** It must allow atomic renames. */
    @WithDefault("${user.home}/.atc/edge-blobs")
    Path dir();
}
