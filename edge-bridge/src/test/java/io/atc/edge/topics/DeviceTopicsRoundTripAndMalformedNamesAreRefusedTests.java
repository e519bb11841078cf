package io.atc.edge.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device topic format (docs/edge.md): what is built parses back to the same topic, and every
 * name that is not exactly {@code atc/<tenant>/<site>/<device>/events|images} parses to nothing, so
 * the ingest drops it as a malformed topic.
 */
class DeviceTopicsRoundTripAndMalformedNamesAreRefusedTests {

    private static final String T = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    private static final String S = "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d";
    private static final String D = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
    private static final UUID TENANT = UUID.fromString(T);
    private static final UUID SITE = UUID.fromString(S);
    private static final UUID DEVICE = UUID.fromString(D);

    @ParameterizedTest
    @EnumSource(DeviceTopic.Kind.class)
    void aBuiltTopicParsesBackToItself(DeviceTopic.Kind kind) {
        DeviceTopic topic = new DeviceTopic(TENANT, SITE, DEVICE, kind);

        assertThat(topic.name()).isEqualTo("atc/" + T + "/" + S + "/" + D + "/" + kind.level());
        assertThat(DeviceTopic.parse(topic.name())).contains(topic);
    }

    @Test
    void eventsAndImagesAreTheTwoKinds() {
        assertThat(DeviceTopic.events(TENANT, SITE, DEVICE).name()).endsWith("/" + D + "/events");
        assertThat(DeviceTopic.images(TENANT, SITE, DEVICE).name()).endsWith("/" + D + "/images");
        assertThat(DeviceTopic.Kind.ofLevel("events")).contains(DeviceTopic.Kind.EVENTS);
        assertThat(DeviceTopic.Kind.ofLevel("images")).contains(DeviceTopic.Kind.IMAGES);
        assertThat(DeviceTopic.Kind.ofLevel("Events")).isEmpty();
        assertThat(DeviceTopic.Kind.ofLevel("#")).isEmpty();
    }

    @Test
    void theBrokerFiltersNameTheSameLevels() {
        assertThat(DeviceTopic.deviceFilter(TENANT, SITE, DEVICE)).isEqualTo("atc/" + T + "/" + S + "/" + D + "/#");
        assertThat(DeviceTopic.sharedFilter("atc-ingest", DeviceTopic.Kind.EVENTS))
                .isEqualTo("$share/atc-ingest/atc/+/+/+/events");
        assertThat(DeviceTopic.sharedFilter("atc-ingest", DeviceTopic.Kind.IMAGES))
                .isEqualTo("$share/atc-ingest/atc/+/+/+/images");
        assertThat(DeviceTopic.ROOT_FILTER).isEqualTo("atc/#");
    }

    @Test
    void aTopicIsUnderOnlyItsOwnTenantAndSite() {
        DeviceTopic topic = DeviceTopic.events(TENANT, SITE, DEVICE);
        UUID other = UUID.randomUUID();

        assertThat(topic.isUnder(TENANT, SITE)).isTrue();
        assertThat(topic.isUnder(other, SITE)).isFalse();
        assertThat(topic.isUnder(TENANT, other)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // another root, or the root spelt otherwise
                "atcx/" + T + "/" + S + "/" + D + "/events",
                "ATC/" + T + "/" + S + "/" + D + "/events",
                "/atc/" + T + "/" + S + "/" + D + "/events",
                "$share/atc-ingest/atc/" + T + "/" + S + "/" + D + "/events",
                " atc/" + T + "/" + S + "/" + D + "/events",
                // empty, missing and extra levels
                "",
                "atc",
                "atc/",
                "atc//" + S + "/" + D + "/events",
                "atc/" + T + "//" + D + "/events",
                "atc/" + T + "/" + S + "/" + D + "/",
                "atc/" + T + "/" + S + "/" + D + "/events/",
                "atc/" + T + "/" + S + "/" + D,
                "atc/" + T + "/" + D + "/events",
                "atc/" + T + "/" + S + "/" + D + "/events/extra",
                "atc/" + T + "/" + S + "/" + S + "/" + D + "/events",
                // wildcards are filters, never names
                "atc/+/" + S + "/" + D + "/events",
                "atc/" + T + "/+/" + D + "/events",
                "atc/" + T + "/" + S + "/+/events",
                "atc/" + T + "/" + S + "/" + D + "/+",
                "atc/" + T + "/" + S + "/" + D + "/#",
                "atc/#",
                "atc/+/+/+/events",
                // ids that are not canonical UUIDs
                "atc/not-a-tenant/" + S + "/" + D + "/events",
                "atc/1-2-3-4-5/" + S + "/" + D + "/events",
                "atc/" + T + "/" + S + "/6f1c2d3e4b5a4c6d8e7f9a0b1c2d3e4f/events",
                "atc/" + T + "/" + S + "/{6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4}/events",
                "atc/" + T + "/" + S + "/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4g/events",
                "atc/" + T + "/" + S + "/6f1c2d3e_4b5a-4c6d-8e7f-9a0b1c2d3e4f/events",
                // kinds the bridge does not know
                "atc/" + T + "/" + S + "/" + D + "/status",
                "atc/" + T + "/" + S + "/" + D + "/Events",
                "atc/" + T + "/" + S + "/" + D + "/events ",
            })
    void aMalformedNameParsesToNothing(String name) {
        assertThat(DeviceTopic.parse(name)).isEmpty();
    }

    @Test
    void nullAndOverlongNamesParseToNothing() {
        assertThat(DeviceTopic.parse(null)).isEmpty();
        assertThat(DeviceTopic.parse("atc/" + T + "/" + S + "/" + D + "/events" + "/".repeat(200)))
                .isEmpty();
        assertThat(DeviceTopic.parse("atc/" + T + "/" + S + "/" + D + "/" + "x".repeat(10_000)))
                .isEmpty();
    }

    @Test
    void upperCaseHexNamesTheSameDevice() {
        assertThat(DeviceTopic.parse("atc/" + T + "/" + S + "/" + D.toUpperCase() + "/events"))
                .contains(DeviceTopic.events(TENANT, SITE, DEVICE));
    }
}
