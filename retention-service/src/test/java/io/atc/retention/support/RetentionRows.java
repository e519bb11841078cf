package io.atc.retention.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Rows the retention-service reads but does not write, put in place the way their writers do: devices,
 * events and images as the edge-bridge's service role, runs and holds the API cannot make (a hold that
 * already ended, a finished run) as the retention role; each in a transaction bound to the row's tenant.
 */
public final class RetentionRows {

    private RetentionRows() {}

    public static UUID device(UUID tenant, UUID site, String name) {
        return insertReturningId(
                Role.APP,
                tenant,
                "insert into edge.devices (tenant_id, site_id, name) values (?, ?, ?) returning device_id",
                tenant,
                site,
                name);
    }

    public static void event(UUID tenant, UUID site, UUID device, Instant receivedAt, int payloadBytes) {
        update(
                Role.APP,
                tenant,
                "insert into edge.events (tenant_id, site_id, device_id, event_id, occurred_at, received_at, type,"
                        + " body, payload_bytes) values (?, ?, ?, ?, ?, ?, 'motion', '{}'::jsonb, ?)",
                tenant,
                site,
                device,
                UUID.randomUUID(),
                Timestamp.from(receivedAt),
                Timestamp.from(receivedAt),
                payloadBytes);
    }

    public static void image(UUID tenant, UUID site, UUID device, Instant receivedAt, long sizeBytes) {
        UUID image = UUID.randomUUID();
        update(
                Role.APP,
                tenant,
                "insert into edge.images (tenant_id, site_id, device_id, image_id, blob_key, size_bytes, sha256,"
                        + " content_type, received_at) values (?, ?, ?, ?, ?, ?, sha256('x'::bytea), 'image/jpeg', ?)",
                tenant,
                site,
                device,
                image,
                tenant + "/" + image,
                sizeBytes,
                Timestamp.from(receivedAt));
    }

    /** A hold on a site whose end is already behind it (the API only takes ends ahead). */
    public static UUID endedSiteHold(UUID tenant, UUID site) {
        return insertReturningId(
                Role.RETENTION,
                tenant,
                "insert into retention.holds (tenant_id, site_id, reason, set_by, set_at, ends_at)"
                        + " values (?, ?, 'ended', 'key:test', now() - interval '2 days', now() - interval '1 day')"
                        + " returning hold_id",
                tenant,
                site);
    }

    /** A finished purge run of the site, started at {@code startedAt}. */
    public static UUID finishedPurge(UUID tenant, UUID site, Instant startedAt, long eventsDeleted) {
        return insertReturningId(
                Role.RETENTION,
                tenant,
                "insert into retention.runs (tenant_id, kind, site_id, requested_by, events_cutoff, images_cutoff,"
                        + " status, started_at, finished_at, events_deleted, event_bytes, ids_digest, audit_seq)"
                        + " values (?, 'purge', ?, 'platform', ?, ?, 'finished', ?, ?, ?, ?, sha256('ids'::bytea), 7)"
                        + " returning run_id",
                tenant,
                site,
                Timestamp.from(startedAt.minusSeconds(86_400)),
                Timestamp.from(startedAt.minusSeconds(86_400)),
                Timestamp.from(startedAt),
                Timestamp.from(startedAt.plusSeconds(1)),
                eventsDeleted,
                eventsDeleted * 100);
    }

    /** A single number read as the retention role in the tenant's transaction (RLS applies). */
    public static long count(UUID tenant, String query, Object... parameters) {
        try (Connection connection = Role.RETENTION.connect()) {
            connection.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(connection, tenant);
            try (PreparedStatement statement = prepare(connection, query, parameters);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + query + ": " + e.getMessage(), e);
        }
    }

    private static UUID insertReturningId(Role role, UUID tenant, String sql, Object... parameters) {
        try (Connection connection = role.connect()) {
            connection.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(connection, tenant);
            UUID id;
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                id = rows.getObject(1, UUID.class);
            }
            connection.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    private static void update(Role role, UUID tenant, String sql, Object... parameters) {
        try (Connection connection = role.connect()) {
            connection.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(connection, tenant);
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                statement.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private enum Role {
        APP,
        RETENTION;

        Connection connect() throws SQLException {
            TestDatabase database = TestDatabase.shared();
            return this == APP ? database.connectAsApp() : database.connectAsRetention();
        }
    }
}
