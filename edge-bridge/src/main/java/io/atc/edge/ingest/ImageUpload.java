package io.atc.edge.ingest;

import java.util.UUID;

/**
 * One image as a device sent it (docs/edge.md, "Image envelope").
 *
 * @param declaredSha256 the SHA-256 the device stated for the bytes, or null
 */
public record ImageUpload(UUID imageId, String contentType, byte[] declaredSha256, byte[] bytes) {}
