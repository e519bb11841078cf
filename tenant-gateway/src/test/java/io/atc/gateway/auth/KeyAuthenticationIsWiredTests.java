package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.Poll;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;

/**
 * In the running gateway: the authenticator refuses bogus keys from its configuration, and the
 * key-change listener starts with the application, on the service's own database settings, and
 * announces changes as CDI events.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class KeyAuthenticationIsWiredTests {

    @Inject
    KeyAuthenticator authenticator;

    @Inject
    KeyChangesSeen changes;

    @Test
    void bogusAndMissingKeysAreRefused() {
        assertThat(authenticator
                        .authenticate("atc_live_nope", GatewayReplica.CLIENT)
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .outcome())
                .isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(authenticator
                        .authenticate(PresentedKeys.from(MultiMap.caseInsensitiveMultiMap()), GatewayReplica.CLIENT)
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .outcome())
                .isEqualTo(AuthOutcome.MISSING);
    }

    @Test
    void keyChangesCommittedInTheDatabaseAreAnnounced() throws Exception {
        Poll.within(Duration.ofSeconds(10), "the listener subscribed at start-up", () -> changes.seen().stream()
                .anyMatch(KeyChanged::everything));
        UUID keyId = UUID.randomUUID();

        Notifications.commitNotification(
                Notifications.payload(UUID.randomUUID(), keyId, "atc_test_AAAAAAAAAAAA", "revoked"));

        Poll.within(Duration.ofSeconds(5), "the change is observed as a CDI event", () -> changes.seen().stream()
                .anyMatch(change -> keyId.equals(change.keyId())));
    }
}
