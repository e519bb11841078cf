package io.atc.edge.pki;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.edge.broker.DeviceIdentity;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.core.Vertx;

/**
 * A device registered the way the devices API will: its edge.devices row (written as the service
 * role in the tenant's transaction) and its password client at the broker.
 */
public record RegisteredDevice(UUID tenantId, UUID siteId, UUID deviceId, String brokerUsername) {

    public static RegisteredDevice register(UUID tenantId, UUID siteId, Vertx vertx, MqttBroker broker) {
        RegisteredDevice device = insert(tenantId, siteId);
        BrokerAdmin.provisionPasswordClient(vertx, broker, device);
        return device;
    }

    /** Only the database row: a device whose broker identity was never provisioned. */
    static RegisteredDevice insert(UUID tenantId, UUID siteId) {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenantId);
            try (PreparedStatement insert = app.prepareStatement("""
                    insert into edge.devices (tenant_id, site_id, name) values (?, ?, ?)
                    returning device_id, broker_username
                    """)) {
                insert.setObject(1, tenantId);
                insert.setObject(2, siteId);
                insert.setString(3, "appliance " + UUID.randomUUID());
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    RegisteredDevice device = new RegisteredDevice(tenantId, siteId, rows.getObject(1, UUID.class),
                            rows.getString(2));
                    app.commit();
                    return device;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register a device: " + e.getMessage(), e);
        }
    }

    String topicPrefix() {
        return "atc/" + tenantId + "/" + siteId + "/" + deviceId + "/";
    }

    String eventsTopic() {
        return topicPrefix() + "events";
    }

    public String certificatesPath() {
        return "/v1/sites/" + siteId + "/devices/" + deviceId + "/certificates";
    }

    /** The username the broker gives this device's certificates on the mTLS listener. */
    String mtlsUsername() {
        return new DeviceIdentity(tenantId, siteId, deviceId).certificateUsername();
    }
}
