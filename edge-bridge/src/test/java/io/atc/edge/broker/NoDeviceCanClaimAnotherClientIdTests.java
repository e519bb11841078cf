package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.edge.config.EdgeConfig;
import io.atc.edge.pki.DeviceCertificatesApi;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.ClientIdClaims;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.TestBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every device credential connects under its own client id and no other, so no device can take over
 * (or, with a clean session, wipe) the session of the ingest bridge, of the bridge's
 * dynamic-security admin connection or of another device. The attack: a device of tenant A, with its
 * own valid password and its own valid certificate, asks for the ingest's client id, the admin
 * connection's, tenant B's device's (its password and its certificate session names), a made-up
 * device's and a random one, each with a clean and with a persistent session.
 * <ul>
 * <li>its password login (plain listener) is refused with CONNACK 5: its dynsec client is bound to
 * its own client id;</li>
 * <li>its certificate login (TLS listener) gets its own subject as client id whatever it asked for
 * ({@code use_username_as_clientid}): the plugin runs no password check, hence no client id check,
 * for a certificate login;</li>
 * <li>tenant B's device, connected meanwhile, is never disconnected by any of it.</li>
 * </ul>
 * Breaks when: device clients are created without their {@code clientid} (seen: every password claim
 * accepted, B's session taken over), or the TLS listener loses {@code use_username_as_clientid}
 * (seen: the broker gave the certificate login each id it asked for). Both failed on main before the fix.
 * The last case guards a property main already had: a certificate login has no password, so no
 * password login as it on the plain listener (breaks when the certificate login gets a password).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class NoDeviceCanClaimAnotherClientIdTests {

    private static final Pattern ADMIN_CONNECTION = Pattern.compile("as (atc-edge-admin-[0-9a-f]+) \\(");

    private static SyntheticOrganisation tenantA;
    private static SyntheticOrganisation tenantB;

    @Inject
    EdgeConfig config;

    @BeforeAll
    static void tenants() {
        tenantA = SyntheticOrganisations.create(TestDatabase.shared(), "Client id claimant org");
        tenantB = SyntheticOrganisations.create(TestDatabase.shared(), "Client id victim org");
    }

    @Test
    void aDevicesPasswordLoginIsRefusedUnderAnyClientIdButItsOwn() {
        RegisteredDevice attacker = DeviceApi.registerAt(tenantA, 0);
        RegisteredDevice victim = DeviceApi.registerAt(tenantB, 0);
        int logBefore = TestBroker.log().length();

        try (TestMqttClient victimSession = BrokerAdmin.connect(victim)) {
            for (String claimed : claimedIds(victim)) {
                for (boolean cleanSession : List.of(false, true)) {
                    ClientIdClaims.Outcome outcome = ClientIdClaims.withPassword(
                            attacker.username(), attacker.password(), claimed, cleanSession);
                    assertThat(outcome.refusal())
                            .as("claim of %s, clean session %s", claimed, cleanSession)
                            .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
                }
            }
            assertVictimUntouched(victimSession, victim, logBefore);
        }
        for (boolean cleanSession : List.of(false, true)) {
            assertThat(ClientIdClaims.withPassword(
                                    attacker.username(), attacker.password(), attacker.username(), cleanSession)
                            .clientId())
                    .as("its own client id")
                    .isEqualTo(attacker.username());
        }
    }

    @Test
    void aDevicesCertificateLoginGetsItsSubjectAsClientIdWhateverItAsksFor() {
        RegisteredDevice attacker = DeviceApi.registerAt(tenantA, 1);
        RegisteredDevice victim = DeviceApi.registerAt(tenantB, 1);
        TestMqttClient.TlsIdentity certificate = DeviceCertificatesApi.identity(DeviceCertificatesApi.issue(attacker));
        int logBefore = TestBroker.log().length();

        try (TestMqttClient victimSession = BrokerAdmin.connect(victim)) {
            for (String claimed : claimedIds(victim)) {
                for (boolean cleanSession : List.of(false, true)) {
                    ClientIdClaims.Outcome outcome = ClientIdClaims.withCertificate(
                            certificate, attacker.certificateUsername(), claimed, cleanSession);
                    assertThat(outcome.clientId())
                            .as("claim of %s, clean session %s", claimed, cleanSession)
                            .isEqualTo(attacker.certificateUsername());
                }
            }
            assertVictimUntouched(victimSession, victim, logBefore);
        }
    }

    @Test
    void aCertificateLoginCannotBeUsedWithAPasswordOnThePlainListener() {
        RegisteredDevice device = DeviceApi.registerAt(tenantA, 0);
        DeviceCertificatesApi.issue(device);

        for (String password : List.of("", device.password())) {
            assertThat(ClientIdClaims.withPassword(
                                    device.certificateUsername(), password, device.certificateUsername(), false)
                            .refused())
                    .as("password %s", password.isEmpty() ? "empty" : "of the device")
                    .isTrue();
        }
    }

    /** The platform's identities' client ids, tenant B's device's two session names, a made-up device's, a random one. */
    private List<String> claimedIds(RegisteredDevice victim) {
        return List.of(
                config.ingest().clientId(),
                bridgeAdminClientId(),
                "admin",
                victim.username(),
                victim.certificateUsername(),
                DeviceIdentity.usernameOf(UUID.randomUUID()),
                UUID.randomUUID().toString());
    }

    /** The bridge's live admin connection's client id (random per connection), as the broker logged it. */
    private static String bridgeAdminClientId() {
        Matcher connected = ADMIN_CONNECTION.matcher(TestBroker.log());
        String last = null;
        while (connected.find()) {
            last = connected.group(1);
        }
        assertThat(last).as("the bridge's admin connection").isNotNull();
        return last;
    }

    private static void assertVictimUntouched(TestMqttClient victimSession, RegisteredDevice victim, int logBefore) {
        assertThat(TestBroker.log().substring(logBefore))
                .as("no session was taken over")
                .doesNotContain("already connected, closing old connection");
        assertThat(victimSession.isConnected())
                .as("tenant B's device is still connected")
                .isTrue();
        assertThat(BrokerAdmin.accepts(victim)).as("and still logs in").isTrue();
    }
}
