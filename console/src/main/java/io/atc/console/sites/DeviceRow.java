package io.atc.console.sites;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/** One device as the devices API answers it: never a password or a key (the API has none to give). */
@TemplateData
public record DeviceRow(
        String id,
        String siteId,
        String name,
        String mqttUsername,
        boolean enabled,
        String eventsTopic,
        String imagesTopic,
        String createdAt,
        String updatedAt) {

    static DeviceRow from(JsonObject device) {
        return new DeviceRow(
                device.getString("id"),
                device.getString("siteId"),
                device.getString("name"),
                device.getString("mqttUsername"),
                device.getBoolean("enabled", false),
                device.getString("eventsTopic"),
                device.getString("imagesTopic"),
                device.getString("createdAt"),
                device.getString("updatedAt"));
    }

    public String status() {
        return enabled ? "enabled" : "disabled";
    }
}
