package io.atc.edge.history;

import java.util.HexFormat;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/** What edge.images commits to about an image: where its bytes are, their size and SHA-256, the device's content type. */
record StoredImage(UUID imageId, String blobKey, long sizeBytes, byte[] sha256, String contentType) {

    static final String COLUMNS = "image_id, blob_key, size_bytes, sha256, content_type";

    static StoredImage from(Row row) {
        return new StoredImage(
                row.getUUID("image_id"),
                row.getString("blob_key"),
                row.getLong("size_bytes"),
                row.getBuffer("sha256").getBytes(),
                row.getString("content_type"));
    }

    /** The strong entity tag of the bytes: their SHA-256 in hex, quoted. */
    String entityTag() {
        return "\"" + HexFormat.of().formatHex(sha256) + "\"";
    }
}
