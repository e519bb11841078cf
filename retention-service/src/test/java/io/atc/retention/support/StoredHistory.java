package io.atc.retention.support;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.atc.core.blobs.BlobKeys;
import io.atc.core.blobs.BlobStore;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Stored events and images of a fresh tenant, written as the database owner in a tenant-bound
 * transaction as the ingest would leave them (rows, site_storage counters, blobs), received in the
 * past: the purge's and erasure's raw material. Each test takes a fresh tenant, so a purge round run
 * by another test (it purges every tenant) changes nothing a test here asserts about.
 */
public final class StoredHistory {

    /** A row as stored: which table, its site, device and id, when received, its bytes, its blob key (images). */
    public record Stored(
            boolean image, UUID siteId, UUID deviceId, UUID id, Instant receivedAt, long bytes, String blobKey) {}

    private final SyntheticOrganisation org;
    private final BlobStore blobs;
    private final List<Stored> rows = new ArrayList<>();

    private StoredHistory(SyntheticOrganisation org, BlobStore blobs) {
        this.org = org;
        this.blobs = blobs;
    }

    public static StoredHistory newTenant(String name, BlobStore blobs) {
        return new StoredHistory(SyntheticOrganisations.create(TestDatabase.shared(), name), blobs);
    }

    public UUID tenantId() {
        return org.tenantId();
    }

    public UUID site(int index) {
        return org.siteIds().get(index);
    }

    public List<Stored> rows() {
        return List.copyOf(rows);
    }

    /** {@code count} events of the device at the site, received {@code age} ago, one millisecond apart (oldest first). */
    public List<Stored> events(UUID site, UUID device, int count, Duration age) {
        List<Stored> made = new ArrayList<>();
        Instant base = Instant.now().minus(age);
        try (Connection owner = bound()) {
            for (int i = 0; i < count; i++) {
                Stored row = new Stored(false, site, device, UUID.randomUUID(), base.plusMillis(i), 100 + i, null);
                try (PreparedStatement insert = owner.prepareStatement("""
                        insert into edge.events (tenant_id, site_id, device_id, event_id, occurred_at, received_at,
                                                 type, body, payload_bytes)
                        values (?, ?, ?, ?, ?, ?, 'reading', '{"v":1}'::jsonb, ?)
                        """)) {
                    insert.setObject(1, tenantId());
                    insert.setObject(2, site);
                    insert.setObject(3, device);
                    insert.setObject(4, row.id());
                    insert.setTimestamp(5, Timestamp.from(row.receivedAt()));
                    insert.setTimestamp(6, Timestamp.from(row.receivedAt()));
                    insert.setLong(7, row.bytes());
                    insert.executeUpdate();
                }
                addToStorage(owner, site, "event", row.bytes());
                made.add(row);
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        rows.addAll(made);
        return made;
    }

    /** {@code count} images, as {@link #events}, each with its blob in the store. */
    public List<Stored> images(UUID site, UUID device, int count, Duration age) {
        List<Stored> made = new ArrayList<>();
        Instant base = Instant.now().minus(age);
        try (Connection owner = bound()) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                byte[] content = ("image " + id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String key = BlobKeys.image(tenantId(), site, device, id);
                blobs.putIfAbsent(key, content);
                Stored row = new Stored(true, site, device, id, base.plusMillis(i), content.length, key);
                insertImage(owner, row, content);
                addToStorage(owner, site, "image", row.bytes());
                made.add(row);
            }
            owner.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        rows.addAll(made);
        return made;
    }

    /** Another image row naming the blob key of {@code existing} (a device re-sent it under the same id). */
    public Stored reReference(Stored existing, Duration age) {
        Stored row = new Stored(
                true,
                existing.siteId(),
                existing.deviceId(),
                UUID.randomUUID(),
                Instant.now().minus(age),
                existing.bytes(),
                existing.blobKey());
        try (Connection owner = bound()) {
            insertImage(owner, row, new byte[] {1});
            addToStorage(owner, row.siteId(), "image", row.bytes());
            owner.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        rows.add(row);
        return row;
    }

    public UUID holdSite(UUID site, Instant endsAt) {
        return hold(site, null, endsAt);
    }

    public UUID holdDevice(UUID device, Instant endsAt) {
        return hold(null, device, endsAt);
    }

    private UUID hold(UUID site, UUID device, Instant endsAt) {
        try (Connection owner = bound()) {
            UUID hold;
            try (PreparedStatement insert = owner.prepareStatement("""
                    insert into retention.holds (tenant_id, site_id, device_id, reason, set_by, set_at, ends_at)
                    values (?, ?, ?, 'litigation', 'user:test', now() - interval '100 days', ?)
                    returning hold_id
                    """)) {
                insert.setObject(1, tenantId());
                insert.setObject(2, site);
                insert.setObject(3, device);
                insert.setTimestamp(4, endsAt == null ? null : Timestamp.from(endsAt));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    hold = row.getObject(1, UUID.class);
                }
            }
            owner.commit();
            return hold;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the row is still stored. */
    public boolean stored(Stored row) {
        String table = row.image() ? "edge.images where image_id = ?" : "edge.events where event_id = ?";
        return count("select count(*) from " + table + " and device_id = ?", row.id(), row.deviceId()) == 1;
    }

    /**
     * A single-number query as the retention-service's role, bound to the tenant ({@code ?} parameters in
     * order): row level security confines it to the tenant (the owner's platform read policies would not).
     */
    public long count(String query, Object... parameters) {
        try (Connection owner = boundAsService()) {
            try (PreparedStatement statement = owner.prepareStatement(query)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            } finally {
                owner.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The site's counters equal its remaining rows: "events,eventBytes,images,imageBytes" twice, the
     * counters' and the rows', as one string each, for one comparison.
     */
    public String[] storageAndRows(UUID site) {
        String counters = text(
                "select event_count || ',' || event_bytes || ',' || image_count || ',' || image_bytes"
                        + " from edge.site_storage where site_id = ?",
                site);
        String actual = text(
                "select (select count(*) from edge.events where site_id = ?) || ','"
                        + " || (select coalesce(sum(payload_bytes), 0) from edge.events where site_id = ?) || ','"
                        + " || (select count(*) from edge.images where site_id = ?) || ','"
                        + " || (select coalesce(sum(size_bytes), 0) from edge.images where site_id = ?)",
                site,
                site,
                site,
                site);
        return new String[] {counters, actual};
    }

    private String text(String query, Object... parameters) {
        try (Connection owner = boundAsService()) {
            try (PreparedStatement statement = owner.prepareStatement(query)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            } finally {
                owner.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection boundAsService() throws SQLException {
        Connection service = TestDatabase.shared().connectAsRetention();
        service.setAutoCommit(false);
        SyntheticOrganisations.bindTenant(service, tenantId());
        return service;
    }

    private Connection bound() throws SQLException {
        Connection owner = TestDatabase.shared().connectAsOwner();
        owner.setAutoCommit(false);
        SyntheticOrganisations.bindTenant(owner, tenantId());
        return owner;
    }

    private void insertImage(Connection owner, Stored row, byte[] content) throws Exception {
        try (PreparedStatement insert = owner.prepareStatement("""
                insert into edge.images (tenant_id, site_id, device_id, image_id, blob_key, size_bytes, sha256,
                                         content_type, received_at)
                values (?, ?, ?, ?, ?, ?, ?, 'image/jpeg', ?)
                """)) {
            insert.setObject(1, tenantId());
            insert.setObject(2, row.siteId());
            insert.setObject(3, row.deviceId());
            insert.setObject(4, row.id());
            insert.setString(5, row.blobKey());
            insert.setLong(6, row.bytes());
            insert.setBytes(7, MessageDigest.getInstance("SHA-256").digest(content));
            insert.setTimestamp(8, Timestamp.from(row.receivedAt()));
            insert.executeUpdate();
        }
    }

    private void addToStorage(Connection owner, UUID site, String kind, long bytes) throws SQLException {
        try (PreparedStatement upsert = owner.prepareStatement(("""
                insert into edge.site_storage as s (tenant_id, site_id, %1$s_count, %1$s_bytes) values (?, ?, 1, ?)
                on conflict (tenant_id, site_id) do update
                   set %1$s_count = s.%1$s_count + 1, %1$s_bytes = s.%1$s_bytes + excluded.%1$s_bytes
                """).formatted(kind))) {
            upsert.setObject(1, tenantId());
            upsert.setObject(2, site);
            upsert.setLong(3, bytes);
            upsert.executeUpdate();
        }
    }
}
