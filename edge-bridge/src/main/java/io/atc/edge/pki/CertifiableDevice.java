package io.atc.edge.pki;

import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/** What issuing a certificate needs to know about a registered device (edge.devices). */
record CertifiableDevice(UUID deviceId, UUID siteId, String brokerUsername, boolean enabled) {

    static CertifiableDevice from(Row row) {
        return new CertifiableDevice(
                row.getUUID("device_id"),
                row.getUUID("site_id"),
                row.getString("broker_username"),
                row.getBoolean("enabled"));
    }
}
