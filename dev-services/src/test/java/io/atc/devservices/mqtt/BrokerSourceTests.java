package io.atc.devservices.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The one resolution order of the test harness and ./run. Breaks when: the order changes, a source
 * after the chosen one is probed anyway (Docker's probe is slow), or the error stops naming a remedy.
 */
class BrokerSourceTests {

    @Test
    void theFirstAvailableSourceWinsAndLaterOnesAreNotProbed() {
        List<BrokerSource> asked = new ArrayList<>();

        BrokerSource chosen = BrokerSource.first(
                candidate -> {
                    asked.add(candidate);
                    return Set.of(BrokerSource.LOCAL_BINARY, BrokerSource.DOCKER)
                            .contains(candidate);
                },
                "set X");

        assertThat(chosen).isEqualTo(BrokerSource.LOCAL_BINARY);
        assertThat(asked).containsExactly(BrokerSource.EXPLICIT, BrokerSource.LOCAL_SERVICE, BrokerSource.LOCAL_BINARY);
    }

    @Test
    void dockerIsTheLastResort() {
        assertThat(BrokerSource.first(candidate -> candidate == BrokerSource.DOCKER, "set X"))
                .isEqualTo(BrokerSource.DOCKER);
        assertThat(BrokerSource.values()).endsWith(BrokerSource.DOCKER);
    }

    @Test
    void withNoSourceTheErrorNamesEveryRemedy() {
        assertThatIllegalStateException()
                .isThrownBy(() -> BrokerSource.first(candidate -> false, "set ATC_SOME_BROKER_URL"))
                .withMessageContaining("set ATC_SOME_BROKER_URL")
                .withMessageContaining("apt-get install mosquitto mosquitto-clients")
                .withMessageContaining("mosquitto_ctrl")
                .withMessageContaining("dynamic-security plugin")
                .withMessageContaining("Docker engine")
                .withMessageContaining("eclipse-mosquitto:2.0.");
    }
}
