package io.atc.edge.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * edge.devices and edge.device_certificates changed behind the bridge's back, as the service role
 * in the device's tenant transaction: what happens to the database while the bridge is down (or a
 * restore from backup).
 */
public final class DeviceRows {

    private DeviceRows() {}

    public static void delete(RegisteredDevice device) {
        update(device, "delete from edge.devices where device_id = ?");
    }

    public static void setEnabled(RegisteredDevice device, boolean enabled) {
        update(device, "update edge.devices set enabled = " + enabled + " where device_id = ?");
    }

    /** Revokes the device's one valid certificate in SQL, as an operator might, leaving the broker as it was. */
    public static void revokeCertificate(RegisteredDevice device) {
        update(
                device,
                "update edge.device_certificates set revoked_at = now(), revocation_reason = 'superseded'"
                        + " where device_id = ? and revoked_at is null");
    }

    /** Tries to take back the revocation of the device's one certificate, which the database forbids. */
    public static void unrevokeCertificate(RegisteredDevice device) {
        update(
                device,
                "update edge.device_certificates set revoked_at = null, revocation_reason = null"
                        + " where device_id = ?");
    }

    /** Sets the tenant's device transport policy in SQL, leaving the broker as it was. */
    public static void setTransportPolicy(UUID tenantId, String policy) {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenantId);
            try (PreparedStatement statement =
                    app.prepareStatement("insert into edge.device_transport_policies (tenant_id, policy) values (?, ?)"
                            + " on conflict (tenant_id) do update set policy = excluded.policy")) {
                statement.setObject(1, tenantId);
                statement.setString(2, policy);
                statement.executeUpdate();
            }
            app.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many devices the tenant has, read as the service role in the tenant's transaction. */
    public static long count(UUID tenantId) {
        return SyntheticOrganisations.countAsTenant(tenantId, "select count(*) from edge.devices");
    }

    private static void update(RegisteredDevice device, String sql) {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, device.tenantId());
            try (PreparedStatement statement = app.prepareStatement(sql)) {
                statement.setObject(1, device.id());
                if (statement.executeUpdate() != 1) {
                    throw new IllegalStateException("device " + device.id() + ": no row to change");
                }
            }
            app.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
