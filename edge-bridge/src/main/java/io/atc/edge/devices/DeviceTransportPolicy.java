package io.atc.edge.devices;

import java.util.Arrays;

/**
 * How a tenant's devices may log in at the broker, agreed at onboarding and changed by the tenant's
 * admin (docs/edge.md, "Transport policy per tenant"). The database's check constraint on
 * {@code edge.device_transport_policies.policy} holds the same two names.
 */
public enum DeviceTransportPolicy {
    /** A password on the plain listener or a platform certificate on the mTLS listener; the default. */
    PASSWORD_OR_CERTIFICATE("password-or-certificate"),
    /** A platform certificate on the mTLS listener only: the tenant's devices have no password client at all. */
    CERTIFICATE_ONLY("certificate-only");

    /** Bean Validation's pattern for the wire names. */
    public static final String WIRE_NAMES = "password-or-certificate|certificate-only";

    private final String wireName;

    DeviceTransportPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean allowsPasswords() {
        return this == PASSWORD_OR_CERTIFICATE;
    }

    public static DeviceTransportPolicy fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(policy -> policy.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown device transport policy"));
    }
}
