package io.atc.edge.devices;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one response that carries a device's MQTT password: right after registration or a reset.
 * Store it in the device now; the platform keeps no copy and cannot show it again. A device of a
 * certificate-only tenant has no password: the field is absent.
 */
@Schema(example = """
        {"device": {"id": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "siteId": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "name": "Gate camera 1", "mqttUsername": "d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "enabled": true, "eventsTopic": "atc/<tenant>/<site>/<device>/events", "imagesTopic": "atc/<tenant>/<site>/<device>/images", "createdAt": "2026-11-29T07:00:00Z", "updatedAt": "2026-11-29T07:00:00Z"}, "mqttUsername": "d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "mqttPassword": "<shown in this response only>"}""")
public record DeviceCredentials(
        Device device,
        String mqttUsername,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mqttPassword) {

    @Override
    public String toString() {
        return "DeviceCredentials[" + mqttUsername + "]";
    }
}
