package io.atc.edge.pki;

import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import io.atc.edge.broker.DeviceIdentity;

/**
 * The names of the device PKI. A tenant's devices live under {@code O=ATC Edge, OU=t-<tenant>}, the
 * subtree its intermediate is constrained to; a device's subject adds {@code CN=<broker username>}.
 * RDNs are encoded most significant first (O, OU, CN), so the subtree is a prefix of the subject,
 * which is what X.509 name constraints compare. The broker names a device's certificate login by
 * this subject: {@link DeviceIdentity#certificateUsername()}.
 */
final class DeviceNames {

    static final String ORGANISATION = DeviceIdentity.CERTIFICATE_ORGANISATION;

    private DeviceNames() {}

    static X500Name root() {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.CN, "ATC Edge Root CA")
                .build();
    }

    static X500Name tenantSubtree(UUID tenantId) {
        return tenantNames(tenantId).build();
    }

    static X500Name tenantCa(UUID tenantId) {
        return tenantNames(tenantId).addRDN(BCStyle.CN, "ATC Edge tenant CA").build();
    }

    static X500Name device(UUID tenantId, String brokerUsername) {
        return tenantNames(tenantId).addRDN(BCStyle.CN, brokerUsername).build();
    }

    static X500Name brokerServer(String name) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.CN, name)
                .build();
    }

    private static X500NameBuilder tenantNames(UUID tenantId) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.OU, "t-" + tenantId);
    }
}
