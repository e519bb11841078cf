package io.atc.edge.devices;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one response that carries a device's MQTT password: right after registration or a reset.
 * Store it in the device now; the platform keeps no copy and cannot show it again. A device of a
 * certificate-only tenant has no password: the field is absent.
 */
@Schema(
        description = "A device and its MQTT credentials: the only response that ever carries its password",
        example = DeviceExamples.CREDENTIALS)
public record DeviceCredentials(
        Device device,

        @Schema(
                description = "The username the device logs in with",
                example = "d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f")
        String mqttUsername,

        @Schema(
                description = "The device's MQTT password, shown in this response only; absent when the tenant's"
                        + " transport policy is certificate-only")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String mqttPassword) {

    @Override
    public String toString() {
        return "DeviceCredentials[" + mqttUsername + "]";
    }
}
