package io.atc.edge.pki;

import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The names of the device PKI. A tenant's devices live under {@code O=ATC Edge, OU=t-<tenant>}, the
 * subtree its intermediate is constrained to; a device's subject adds {@code CN=<broker username>}.
 * RDNs are encoded most significant first (O, OU, CN), so the subtree is a prefix of the subject,
 * which is what X.509 name constraints compare.
 */
public final class DeviceNames {

    static final String ORGANISATION = "ATC Edge";

    private DeviceNames() {
    }

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
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, ORGANISATION).addRDN(BCStyle.CN, name).build();
    }

    /**
     * The username Mosquitto gives a device on the mTLS listener ({@code use_subject_as_username}):
     * the subject as OpenSSL prints it with XN_FLAG_RFC2253, least significant RDN first, no spaces.
     * Our values hold no character RFC 2253 escapes. {@code MtlsDeviceCanPublishToItsOwnTopicTests}
     * proves the form against a real broker.
     */
    public static String mtlsUsername(UUID tenantId, String brokerUsername) {
        return "CN=" + brokerUsername + ",OU=t-" + tenantId + ",O=" + ORGANISATION;
    }

    private static X500NameBuilder tenantNames(UUID tenantId) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.OU, "t-" + tenantId);
    }
}
