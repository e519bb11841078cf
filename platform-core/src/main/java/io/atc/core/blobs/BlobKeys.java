package io.atc.core.blobs;

import java.util.UUID;

/**
 * Blob keys of device images: {@code <tenant>/<site>/<device>/<image>}. The device is part of the
 * key because image ids are chosen by devices: one device must not be able to claim, or overwrite,
 * another device's image by reusing its id.
 */
public final class BlobKeys {

    private BlobKeys() {}

    public static String image(UUID tenantId, UUID siteId, UUID deviceId, UUID imageId) {
        return tenantId + "/" + siteId + "/" + deviceId + "/" + imageId;
    }
}
