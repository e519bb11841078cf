package io.atc.edge.devices;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's device transport policy as the API shows it. */
@Schema(description = "How the tenant's devices may log in at the broker", example = DeviceExamples.POLICY)
public record TransportPolicyView(
        @Schema(enumeration = {"password-or-certificate", "certificate-only"})
        String policy,

        @Schema(description = "Whether devices may log in with a password (true unless certificate-only)")
        boolean passwordLogin) {

    static TransportPolicyView of(DeviceTransportPolicy policy) {
        return new TransportPolicyView(policy.wireName(), policy.allowsPasswords());
    }
}
