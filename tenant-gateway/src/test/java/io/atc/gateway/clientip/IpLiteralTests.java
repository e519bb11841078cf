package io.atc.gateway.clientip;

import static io.atc.gateway.clientip.Peers.ip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Only literal addresses count; names, zones, leading zeros and junk are text we do not trust. */
class IpLiteralTests {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "192.0.2.1:80, 192.0.2.1",
        "192.0.2.1:65535, 192.0.2.1",
        "192.0.2.1:_abc-1.x, 192.0.2.1",
        "2001:db8::1, 2001:db8::1",
        "2001:DB8::1, 2001:db8::1",
        "[2001:db8::1], 2001:db8::1",
        "[2001:db8::1]:4711, 2001:db8::1",
        "::, ::",
        "::ffff:192.0.2.1, 192.0.2.1",
        "[::ffff:192.0.2.1]:80, 192.0.2.1",
    })
    void readsLiteralNodes(String node, String expected) {
        assertThat(IpLiteral.node(node, 0, node.length())).isEqualTo(ip(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "unknown",
                "_hidden",
                "localhost",
                "example.com",
                "01.2.3.4",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "1.2.3.4:",
                "1.2.3.4:65536",
                "1.2.3.4:123456",
                "1.2.3.4:8a",
                "[1.2.3.4]",
                "[2001:db8::1",
                "[2001:db8::1]x",
                "2001:db8::1%eth0",
                "[fe80::1%25eth0]",
                ":::1",
                "2001:db8::g",
                "1.2.3.4 ",
                "-1.2.3.4",
                "1111.2.3.4",
                "\u0661.2.3.4"
            })
    void refusesEverythingElse(String node) {
        assertThat(IpLiteral.node(node, 0, node.length())).isNull();
    }

    @ParameterizedTest
    @CsvSource({"fe80:0:0:0:0:0:0:1%eth0, fe80::1", "0:0:0:0:0:0:0:1, ::1", "192.0.2.1, 192.0.2.1"})
    void readsSocketAddressesDroppingTheZone(String hostAddress, String expected) {
        assertThat(IpLiteral.address(hostAddress)).isEqualTo(ip(expected));
    }
}
