package io.atc.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real CIDR matching for allowlists and trusted proxies: first and last address in, one past each
 * end out, IPv4-mapped IPv6 matched as IPv4, and no family crossing.
 * Breaks when: the mask is computed off by one (the /31 and boundary cases), the mapped check is
 * dropped (mapped clients fall outside their IPv4 range), or families are compared by bits alone
 * (::/0 would admit every IPv4 client).
 */
class CidrBlockTests {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "203.0.113.0/24, 203.0.113.0, true",
        "203.0.113.0/24, 203.0.113.255, true",
        "203.0.113.0/24, 203.0.112.255, false",
        "203.0.113.0/24, 203.0.114.0, false",
        "10.0.0.0/31, 10.0.0.0, true",
        "10.0.0.0/31, 10.0.0.1, true",
        "10.0.0.0/31, 10.0.0.2, false",
        "10.0.0.0/31, 9.255.255.255, false",
        "192.0.2.7/32, 192.0.2.7, true",
        "192.0.2.7/32, 192.0.2.6, false",
        "192.0.2.7/32, 192.0.2.8, false",
        "192.0.2.7, 192.0.2.7, true",
        "0.0.0.0/0, 0.0.0.0, true",
        "0.0.0.0/0, 255.255.255.255, true",
        "128.0.0.0/1, 127.255.255.255, false",
        "128.0.0.0/1, 128.0.0.0, true",
        "2001:db8::/32, 2001:db8::, true",
        "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "2001:db8::/32, 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff, false",
        "2001:db8::/32, 2001:db9::, false",
        "2001:db8:0:1::/64, 2001:db8:0:1:ffff:ffff:ffff:ffff, true",
        "2001:db8:0:1::/64, 2001:db8:0:2::, false",
        "2001:db8::/65, 2001:db8::7fff:ffff:ffff:ffff, true",
        "2001:db8::/65, 2001:db8::8000:0:0:0, false",
        "2001:db8::/127, 2001:db8::1, true",
        "2001:db8::/127, 2001:db8::2, false",
        "2001:db8::1/128, 2001:db8::1, true",
        "2001:db8::1/128, 2001:db8::, false",
        "2001:db8::1/128, 2001:db8::2, false",
        "::/0, ::, true",
        "::/0, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
    })
    void matchesExactlyTheRange(String cidr, String address, boolean expected) throws Exception {
        assertThat(CidrBlock.parse(cidr).contains(InetAddress.getByName(address)))
                .isEqualTo(expected);
    }

    @Test
    void ipv4MappedAddressesMatchAsTheirIpv4Address() throws Exception {
        CidrBlock block = CidrBlock.parse("203.0.113.0/24");
        byte[] mappedInside = mapped(203, 0, 113, 9);
        byte[] mappedOutside = mapped(203, 0, 114, 9);

        assertThat(block.contains(mappedInside)).isTrue();
        assertThat(block.contains(mappedOutside)).isFalse();
        // An Inet6Address that keeps the mapped form (the JDK's getByName would turn it into IPv4).
        assertThat(block.contains(Inet6Address.getByAddress(null, mappedInside, -1)))
                .isTrue();
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(mappedOutside)).isTrue();
    }

    @Test
    void familiesNeverCross() throws Exception {
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("2001:db8::1")))
                .isFalse();
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("::")))
                .isFalse();
        assertThat(CidrBlock.parse("::/0").contains(InetAddress.getByName("192.0.2.1")))
                .isFalse();
        assertThat(CidrBlock.parse("::/0").contains(mapped(192, 0, 2, 1))).isFalse();
        // ::a.b.c.d (IPv4-compatible, deprecated) is not mapped: it stays IPv6.
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(compatible(192, 0, 2, 1)))
                .isFalse();
        assertThat(CidrBlock.parse("::/96").contains(compatible(192, 0, 2, 1))).isTrue();
    }

    @Test
    void otherAddressLengthsAndNullNeverMatch() {
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(new byte[5])).isFalse();
        assertThat(CidrBlock.parse("::/0").contains(new byte[0])).isFalse();
        assertThat(CidrBlock.parse("::/0").contains((InetAddress) null)).isFalse();
    }

    @Test
    void answersWithTheCanonicalTextAndFamily() {
        assertThat(CidrBlock.parse("2001:DB8:0::/32"))
                .hasToString("2001:db8::/32")
                .isEqualTo(CidrBlock.parse("2001:db8::/32"));
        assertThat(CidrBlock.parse("192.0.2.7")).hasToString("192.0.2.7/32");
        assertThat(CidrBlock.parse("192.0.2.0/24").isIpv4()).isTrue();
        assertThat(CidrBlock.parse("::1").isIpv4()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.1/8", "10.0.0.0/33", "::ffff:10.0.0.0/104", "01.2.3.4", ""})
    void refusesWhatCidrsRefuses(String input) {
        assertThatThrownBy(() -> CidrBlock.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> CidrBlock.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] mapped(int a, int b, int c, int d) {
        return new byte[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) a, (byte) b, (byte) c, (byte) d
        };
    }

    private static byte[] compatible(int a, int b, int c, int d) {
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) a, (byte) b, (byte) c, (byte) d};
    }
}
