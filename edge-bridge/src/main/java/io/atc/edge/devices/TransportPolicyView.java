package io.atc.edge.devices;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's device transport policy as the API shows it. */
@Schema(example = """
        {"policy": "certificate-only", "passwordLogin": false}""")
public record TransportPolicyView(
        @Schema(enumeration = {"password-or-certificate", "certificate-only"})
        String policy,

        boolean passwordLogin) {

    static TransportPolicyView of(DeviceTransportPolicy policy) {
        return new TransportPolicyView(policy.wireName(), policy.allowsPasswords());
    }
}
