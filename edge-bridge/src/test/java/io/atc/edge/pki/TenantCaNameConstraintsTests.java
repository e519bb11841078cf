package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The chain rules the broker enforces, checked here with the JDK's PKIX validator: a tenant CA's
 * certificates validate under the root only within the tenant's names, and a tenant CA cannot make
 * another CA. Fast feedback beside the real-broker tests.
 * Breaks when: RootCa.newTenantCa drops the name constraint or the path length 0 (both checked).
 */
class TenantCaNameConstraintsTests {

    private final Instant now = Instant.now();
    private final RootCa root = RootCa.generate(now, Duration.ofDays(30));
    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();
    private final TenantCa caOfB = root.newTenantCa(tenantB, now, Duration.ofDays(30));

    @Test
    void deviceCertificateOfItsOwnTenantValidates() {
        X509Certificate device = caOfB.issueDevice(
                "d-" + UUID.randomUUID(), CertificateSigning.newP256KeyPair().getPublic(), now, Duration.ofDays(1));

        assertThatCode(() -> validate(device, caOfB.certificate())).doesNotThrowAnyException();
    }

    @Test
    void certificateForAnotherTenantsNamesFailsTheNameConstraint() {
        ForgedCertificates.Forged forged = ForgedCertificates.issue(
                caOfB.certificate(), caOfB.key(), ForgedCertificates.deviceSubject(tenantA, "d-" + UUID.randomUUID()));

        assertThatThrownBy(() -> validate(forged.certificate(), caOfB.certificate()))
                .isInstanceOf(CertPathValidatorException.class)
                .hasMessageContaining("name constraints");
    }

    @Test
    void tenantCaCannotCreateACaOfItsOwn() {
        ForgedCertificates.Forged subordinate = ForgedCertificates.issueCa(
                caOfB.certificate(), caOfB.key(), ForgedCertificates.deviceSubject(tenantB, "sub-ca"));
        ForgedCertificates.Forged device = ForgedCertificates.issue(
                subordinate.certificate(),
                subordinate.key(),
                ForgedCertificates.deviceSubject(tenantB, "d-" + UUID.randomUUID()));

        assertThatThrownBy(() -> validate(device.certificate(), subordinate.certificate(), caOfB.certificate()))
                .isInstanceOf(CertPathValidatorException.class)
                .hasMessageContaining("path");
    }

    private void validate(X509Certificate... chain) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(chain)), parameters);
    }
}
