package io.atc.gateway.clientip;

import static io.atc.gateway.clientip.Peers.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A key's allowlist admits exactly its ranges. Breaks when: an empty list denies (keys without an
 * allowlist stop working), an unknown client address is admitted, a bad entry admits, or the
 * cache grows without bound.
 */
class IpAllowlistTests {

    private final IpAllowlist allowlist = new IpAllowlist();

    @Test
    void anEmptyListAdmitsEveryone() {
        assertThat(allowlist.permits(List.of(), ip("192.0.2.1"))).isTrue();
        assertThat(allowlist.permits(List.of(), null)).isTrue();
    }

    @Test
    void admitsOnlyAddressesInARange() {
        List<String> cidrs = List.of("203.0.113.0/24", "2001:db8::/32");
        assertThat(allowlist.permits(cidrs, ip("203.0.113.255"))).isTrue();
        assertThat(allowlist.permits(cidrs, ip("203.0.114.0"))).isFalse();
        assertThat(allowlist.permits(cidrs, ip("2001:db8:1::1"))).isTrue();
        assertThat(allowlist.permits(cidrs, ip("2001:db9::1"))).isFalse();
        assertThat(allowlist.permits(cidrs, null)).as("no client address").isFalse();
    }

    @Test
    void mappedClientsMatchTheirIpv4RangeOnly() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 203, 0, 113, 9};
        Inet6Address client = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(allowlist.permits(List.of("203.0.113.0/24"), client)).isTrue();
        assertThat(allowlist.permits(List.of("::/0"), client)).isFalse();
    }

    @Test
    void anEntryThatDoesNotParseAdmitsNoOne() {
        assertThat(allowlist.permits(List.of("not-a-cidr"), ip("192.0.2.1"))).isFalse();
        assertThat(allowlist.permits(List.of("not-a-cidr", "192.0.2.0/24"), ip("192.0.2.1")))
                .isTrue();
    }

    @Test
    void equalListsShareOneParsedEntryAndTheCacheIsBounded() {
        allowlist.permits(new ArrayList<>(List.of("192.0.2.0/24")), ip("192.0.2.1"));
        allowlist.permits(List.of("192.0.2.0/24"), ip("192.0.2.1"));
        assertThat(allowlist.cachedLists()).isEqualTo(1);
        for (int i = 0; i < IpAllowlist.MAX_CACHED_LISTS + 10; i++) {
            allowlist.permits(
                    List.of("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + "/32"), ip("192.0.2.1"));
        }
        assertThat(allowlist.cachedLists()).isLessThanOrEqualTo(IpAllowlist.MAX_CACHED_LISTS);
    }
}
