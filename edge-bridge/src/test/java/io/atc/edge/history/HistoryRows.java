package io.atc.edge.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.atc.core.blobs.BlobKeys;
import io.atc.core.blobs.BlobStore;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Events and images as the ingest would have stored them, written directly as the service role in the
 * tenant's transaction (RLS applies): the subject of these tests is reading them back.
 */
final class HistoryRows {

    private HistoryRows() {}

    static UUID event(UUID tenant, UUID site, UUID device, OffsetDateTime occurredAt, String type) {
        return event(tenant, site, device, UUID.randomUUID(), occurredAt, type, "{\"n\": 1}", null);
    }

    static UUID event(
            UUID tenant,
            UUID site,
            UUID device,
            UUID eventId,
            OffsetDateTime occurredAt,
            String type,
            String body,
            UUID imageId) {
        inTenant(tenant, app -> {
            try (PreparedStatement insert = app.prepareStatement(
                    "insert into edge.events (tenant_id, site_id, device_id, event_id, occurred_at, type, body,"
                            + " image_id, payload_bytes) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
                insert.setObject(1, tenant);
                insert.setObject(2, site);
                insert.setObject(3, device);
                insert.setObject(4, eventId);
                insert.setObject(5, occurredAt);
                insert.setString(6, type);
                insert.setString(7, body);
                insert.setObject(8, imageId);
                insert.setInt(9, body.length() + 100);
                insert.executeUpdate();
            }
        });
        return eventId;
    }

    /** An image row and its bytes in the bridge's blob store, under the key the ingest uses. */
    static UUID image(BlobStore blobs, UUID tenant, UUID site, UUID device, String contentType, byte[] bytes) {
        UUID imageId = UUID.randomUUID();
        String key = BlobKeys.image(tenant, site, device, imageId);
        try {
            blobs.putIfAbsent(key, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        imageRow(tenant, site, device, imageId, key, bytes, contentType);
        return imageId;
    }

    static void imageRow(
            UUID tenant, UUID site, UUID device, UUID imageId, String key, byte[] bytes, String contentType) {
        inTenant(tenant, app -> {
            try (PreparedStatement insert = app.prepareStatement(
                    "insert into edge.images (tenant_id, site_id, device_id, image_id, blob_key, size_bytes, sha256,"
                            + " content_type) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, tenant);
                insert.setObject(2, site);
                insert.setObject(3, device);
                insert.setObject(4, imageId);
                insert.setString(5, key);
                insert.setLong(6, bytes.length);
                insert.setBytes(7, sha256(bytes));
                insert.setString(8, contentType);
                insert.executeUpdate();
            }
        });
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    static void inTenant(UUID tenant, Work work) {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            work.run(app);
            app.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
