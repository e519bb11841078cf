package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.atc.devservices.mqtt.BrokerSource;

/**
 * Which broker ./run takes (PlatformBroker.source), decided without a network, Mosquitto or Docker.
 * Breaks when: a named broker is overridden, a broker on 1883 is taken without its admin (the bridge
 * could not manage devices on it), Docker is preferred to a local Mosquitto, or the error stops saying
 * how to get a broker.
 */
class BrokerResolutionOrderTests {

    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("probed although an earlier source was chosen");
    };

    @Test
    void aNamedBrokerWinsWithoutProbingAnything() {
        assertThat(PlatformBroker.source(
                        Map.of("ATC_EDGE_BROKER_HOST", "broker.internal"), NOT_ASKED, NOT_ASKED, NOT_ASKED))
                .isEqualTo(BrokerSource.EXPLICIT);
    }

    @Test
    void theLocalServiceOn1883IsTakenOnlyWithItsAdminPassword() {
        Map<String, String> withAdmin = Map.of("ATC_EDGE_BROKER_ADMIN_PASSWORD", "s3cret");
        assertThat(PlatformBroker.source(withAdmin, YES, NOT_ASKED, NOT_ASKED)).isEqualTo(BrokerSource.LOCAL_SERVICE);
        assertThat(PlatformBroker.source(withAdmin, NO, YES, NOT_ASKED)).isEqualTo(BrokerSource.LOCAL_BINARY);
        assertThat(PlatformBroker.source(Map.of(), YES, YES, NOT_ASKED)).isEqualTo(BrokerSource.LOCAL_BINARY);
    }

    @Test
    void dockerOnlyWithoutALocalMosquitto() {
        assertThat(PlatformBroker.source(Map.of(), NO, YES, NOT_ASKED)).isEqualTo(BrokerSource.LOCAL_BINARY);
        assertThat(PlatformBroker.source(Map.of(), NO, NO, YES)).isEqualTo(BrokerSource.DOCKER);
    }

    @Test
    void withoutAnyBrokerTheErrorSaysHowToGetOne() {
        assertThatIllegalStateException()
                .isThrownBy(() -> PlatformBroker.source(Map.of(), NO, NO, NO))
                .withMessageContaining("ATC_EDGE_BROKER_HOST/ATC_EDGE_BROKER_PORT and ATC_EDGE_BROKER_ADMIN_PASSWORD")
                .withMessageContaining("apt-get install mosquitto mosquitto-clients")
                .withMessageContaining("Docker engine");
    }
}
