package io.atc.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import io.atc.devservices.mqtt.MqttBroker;

/** How {@code ATC_TEST_MQTT_URL} is read into a broker. */
class BrokerUrlFromEnvironmentTests {

    @Test
    void readsHostPortAndAdminCredentials() {
        assertThat(BrokerResolver.fromUrl("mqtt://admin:s3cret@broker.test:1884"))
                .isEqualTo(new MqttBroker("broker.test", 1884, "admin", "s3cret", "env"));
    }

    @Test
    void decodesPercentEncodedPassword() {
        assertThat(BrokerResolver.fromUrl("mqtt://admin:p%40ss%3Aword@127.0.0.1:1883")
                        .adminPassword())
                .isEqualTo("p@ss:word");
    }

    @Test
    void rejectsUrlWithoutCredentials() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerResolver.fromUrl("mqtt://broker.test:1883"))
                .withMessage("ATC_TEST_MQTT_URL must carry the user and password of a dynamic-security admin:"
                        + " mqtt://user:password@host:port (percent-encode special characters)");
    }

    @Test
    void rejectsUrlWithUserButNoPassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerResolver.fromUrl("mqtt://admin@broker.test:1883"))
                .withMessageContaining("user and password");
    }

    @Test
    void rejectsOtherSchemesAndMissingPortWithoutRevealingThePassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerResolver.fromUrl("tcp://admin:s3cret@broker.test:1883"))
                .withMessage("ATC_TEST_MQTT_URL must look like mqtt://user:password@host:port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerResolver.fromUrl("mqtt://admin:s3cret@broker.test"))
                .withMessageNotContaining("s3cret");
    }

    @Test
    void brokerNeverPrintsItsAdminPassword() {
        assertThat(new MqttBroker("h", 1, "admin", "s3cret", "env").toString()).doesNotContain("s3cret");
    }
}
