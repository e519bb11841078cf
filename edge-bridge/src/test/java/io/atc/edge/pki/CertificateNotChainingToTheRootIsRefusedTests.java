package io.atc.edge.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.AtcTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * The mTLS listener trusts the platform root alone: a CA of anyone else's making (a tenant's own CA,
 * say), even one that copies the platform's names exactly, gets no certificate through the handshake.
 * Breaks when: the broker's cafile holds another CA besides the platform root (checked by appending
 * the foreign root to it, and its intermediate's CRL to the CRL file: the handshake then succeeds).
 * Without that CRL the broker still refuses: it wants a CRL from every leaf's issuer.
 */
@QuarkusTest
@QuarkusTestResource(AtcTestResources.class)
@QuarkusTestResource(MtlsBroker.class)
class CertificateNotChainingToTheRootIsRefusedTests {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void lookalikeChainFromAForeignRootIsRefusedAtTheHandshake() {
        UUID tenantA = SyntheticOrganisations.in(TestDatabase.shared()).a().tenantId();
        RegisteredDevice deviceOfA = RegisteredDevice.register(tenantA,
                SyntheticOrganisations.in(TestDatabase.shared()).a().siteIds().get(0), vertx, MtlsBroker.current().broker());
        Instant now = Instant.now();
        RootCa foreignRoot = RootCa.generate(now, Duration.ofDays(30));
        TenantCa foreignIntermediate = foreignRoot.newTenantCa(tenantA, now, Duration.ofDays(30));
        ForgedCertificates.Forged forged = ForgedCertificates.issue(foreignIntermediate.certificate(),
                foreignIntermediate.key(), ForgedCertificates.deviceSubject(tenantA, deviceOfA.brokerUsername()));

        MtlsAttempts.assertRefusedAtHandshake(vertx, DeviceCertificatesApi.identity(forged.chainPem(), forged.key()));
    }

    @Test
    void selfSignedDeviceCertificateIsRefusedAtTheHandshake() {
        UUID tenantA = SyntheticOrganisations.in(TestDatabase.shared()).a().tenantId();
        ForgedCertificates.Forged selfSigned = ForgedCertificates.selfSigned(
                ForgedCertificates.deviceSubject(tenantA, "d-" + UUID.randomUUID()));

        MtlsAttempts.assertRefusedAtHandshake(vertx,
                DeviceCertificatesApi.identity(Pem.certificate(selfSigned.certificate()), selfSigned.key()));
    }
}
