package io.atc.edge.devices;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The policy a tenant's admin sets for its devices. */
@Schema(description = "The transport policy to set", example = DeviceExamples.POLICY_CHANGE)
public record TransportPolicyChange(
        @NotNull(message = "is required")
        @Pattern(
                regexp = DeviceTransportPolicy.WIRE_NAMES,
                message = "must be password-or-certificate or certificate-only")
        @Schema(
                enumeration = {"password-or-certificate", "certificate-only"},
                description = "certificate-only removes every device's password login")
        String policy) {}
