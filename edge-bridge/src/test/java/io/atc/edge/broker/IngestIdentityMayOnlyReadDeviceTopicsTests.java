package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.edge.config.EdgeConfig;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The ingest identity the bridge provisions ({@code atc-ingest}, configured password) may
 * subscribe to devices' events and images through its shared subscription group and receive them,
 * and do nothing else. This also records what Mosquitto checks for a shared subscription: the
 * whole {@code $share/<group>/<filter>}, not the plain filter (a plain {@code atc/+/+/+/events}
 * is refused although the shared one is granted). A tampered ingest identity is repaired by the
 * next bootstrap.
 * Breaks when: the ingest role grants more than its three ACLs, or the bootstrap leaves the
 * plugin's default access (checked once each: with a subscribePattern 'atc/#' added to the role, a
 * plain 'atc/+/+/+/events' was granted; without the default-access command, the subscriber without
 * receive rights got the device's message).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class IngestIdentityMayOnlyReadDeviceTopicsTests {

    private static final int REFUSED = 0x80;

    @Inject
    BrokerBootstrap bootstrap;

    @Inject
    BrokerLifecycle lifecycle;

    @Inject
    EdgeConfig config;

    /**
     * Once the bridge has made the ingest identity: the bridge's ingest is off in this profile, but
     * its persistent session, left by an earlier test that ran it, would still be in the share group
     * and take its turn at every message. A clean-session login under its client id ends that session.
     */
    @BeforeEach
    void noStoredIngestSessionSharesTheGroup() throws Exception {
        lifecycle.bootstrapped().toCompletableFuture().get(15, TimeUnit.SECONDS);
        BrokerAdmin.connect(
                        IngestIdentity.USERNAME,
                        EdgeBridgeTestResources.ingestPassword(),
                        config.ingest().clientId())
                .close();
    }

    @Test
    void ingestSubscribesThroughItsShareGroupAndReceivesDeviceMessages() {
        RegisteredDevice device = device();
        try (TestMqttClient ingest =
                        BrokerAdmin.connect(IngestIdentity.USERNAME, EdgeBridgeTestResources.ingestPassword());
                TestMqttClient publisher = BrokerAdmin.connect(device)) {
            assertThat(ingest.subscribe("$share/atc-ingest/atc/+/+/+/events")).containsExactly(1);
            assertThat(ingest.subscribe("$share/atc-ingest/atc/+/+/+/images")).containsExactly(1);

            publisher.publish(device.topic("events"), "{\"id\":1}");
            publisher.publish(device.topic("images"), "jpeg");

            assertThat(ingest.nextMessage())
                    .isEqualTo(new TestMqttClient.Message(device.topic("events"), "{\"id\":1}"));
            assertThat(ingest.nextMessage()).isEqualTo(new TestMqttClient.Message(device.topic("images"), "jpeg"));
        }
    }

    @Test
    void ingestCannotSubscribeOutsideItsShareGroupNorPublish() {
        RegisteredDevice device = device();
        try (TestMqttClient ingest =
                        BrokerAdmin.connect(IngestIdentity.USERNAME, EdgeBridgeTestResources.ingestPassword());
                TestMqttClient watcher = BrokerAdmin.admin()) {
            for (String filter : new String[] {
                "atc/+/+/+/events",
                "atc/+/+/+/images",
                "atc/#",
                "#",
                "$share/atc-ingest/atc/#",
                "$share/other/atc/+/+/+/events",
                device.topic("events"),
                "$SYS/#",
                "$CONTROL/dynamic-security/v1/response"
            }) {
                assertThat(ingest.subscribe(filter)).as(filter).containsExactly(REFUSED);
            }
            assertThat(watcher.subscribe("#")).containsExactly(1);
            ingest.publish(device.topic("events"), "forged by ingest");
            ingest.publish("atc/ingest", "forged by ingest");
            try (TestMqttClient publisher = BrokerAdmin.connect(device)) {
                publisher.publish(device.topic("events"), "genuine");
            }
            assertThat(watcher.nextMessage()).isEqualTo(new TestMqttClient.Message(device.topic("events"), "genuine"));
        }
    }

    @Test
    void theNextBootstrapRepairsATamperedIngestIdentity() {
        String role = IngestIdentity.ROLE;
        BrokerAdmin.require(BrokerAdmin.command("addRoleACL")
                .put("rolename", role)
                .put("acltype", "publishClientSend")
                .put("topic", "atc/#")
                .put("allow", true));
        BrokerAdmin.require(BrokerAdmin.command("removeRoleACL")
                .put("rolename", role)
                .put("acltype", "subscribePattern")
                .put("topic", IngestIdentity.IMAGES_FILTER));
        BrokerAdmin.require(BrokerAdmin.command("setClientPassword")
                .put("username", IngestIdentity.USERNAME)
                .put("password", "changed behind the bridge's back"));
        BrokerAdmin.require(BrokerAdmin.command("disableClient").put("username", IngestIdentity.USERNAME));
        BrokerAdmin.require(BrokerAdmin.command("setDefaultACLAccess")
                .put(
                        "acls",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("acltype", "subscribe")
                                        .put("allow", true))));

        bootstrap.run().await().atMost(Duration.ofSeconds(15));

        JsonArray acls = BrokerAdmin.require(BrokerAdmin.command("getRole").put("rolename", role))
                .getJsonObject("role")
                .getJsonArray("acls");
        assertThat(acls.stream()
                        .map(acl -> ((JsonObject) acl).getString("acltype") + " "
                                + ((JsonObject) acl).getString("topic") + " " + ((JsonObject) acl).getBoolean("allow")))
                .containsExactlyInAnyOrder(
                        "subscribePattern $share/atc-ingest/atc/+/+/+/events true",
                        "subscribePattern $share/atc-ingest/atc/+/+/+/images true",
                        "publishClientReceive atc/# true");
        assertThat(BrokerAdmin.accepts(IngestIdentity.USERNAME, EdgeBridgeTestResources.ingestPassword()))
                .isTrue();
        assertDefaultAccessDeniesEverything();
    }

    @Test
    void defaultAccessDeniesEverythingNoRoleAllows() {
        assertDefaultAccessDeniesEverything();
        RegisteredDevice device = device();
        String subscriber = "subscribe-only-" + device.id();
        BrokerAdmin.require(BrokerAdmin.command("createRole")
                .put("rolename", subscriber)
                .put(
                        "acls",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("acltype", "subscribePattern")
                                        .put("topic", "atc/#")
                                        .put("allow", true))));
        BrokerAdmin.require(BrokerAdmin.command("createClient")
                .put("username", subscriber)
                .put("password", subscriber)
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", subscriber))));
        try (TestMqttClient mayNotReceive = BrokerAdmin.connect(subscriber, subscriber);
                TestMqttClient ingest =
                        BrokerAdmin.connect(IngestIdentity.USERNAME, EdgeBridgeTestResources.ingestPassword());
                TestMqttClient publisher = BrokerAdmin.connect(device)) {
            assertThat(mayNotReceive.subscribe("atc/#")).containsExactly(1);
            assertThat(ingest.subscribe(IngestIdentity.EVENTS_FILTER)).containsExactly(1);

            publisher.publish(device.topic("events"), "for ingest only");

            assertThat(ingest.nextMessage().payload()).isEqualTo("for ingest only");
            assertThatNothingArrives(mayNotReceive);
        } finally {
            BrokerAdmin.require(BrokerAdmin.command("deleteClient").put("username", subscriber));
            BrokerAdmin.require(BrokerAdmin.command("deleteRole").put("rolename", subscriber));
        }
    }

    private static void assertDefaultAccessDeniesEverything() {
        JsonArray defaults =
                BrokerAdmin.require(BrokerAdmin.command("getDefaultACLAccess")).getJsonArray("acls");
        assertThat(defaults.stream()
                        .map(acl ->
                                ((JsonObject) acl).getString("acltype") + "=" + ((JsonObject) acl).getBoolean("allow")))
                .containsExactlyInAnyOrder(
                        "publishClientSend=false",
                        "publishClientReceive=false",
                        "subscribe=false",
                        "unsubscribe=false");
    }

    /** The ingest client got the message already, so the broker has routed it: it would be here by now. */
    private static void assertThatNothingArrives(TestMqttClient client) {
        assertThat(catchThrowableOfType(AssertionError.class, client::nextMessage))
                .as("no message")
                .hasMessageStartingWith("No message within");
    }

    private static RegisteredDevice device() {
        SyntheticOrganisation org =
                SyntheticOrganisations.in(TestDatabase.shared()).a();
        return DeviceApi.register(org.tenantId(), org.siteIds().get(0), DeviceApi.uniqueName("Ingested"));
    }
}
