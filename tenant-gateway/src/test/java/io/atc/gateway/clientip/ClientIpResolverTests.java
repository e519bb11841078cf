package io.atc.gateway.clientip;

import static io.atc.gateway.clientip.Peers.headers;
import static io.atc.gateway.clientip.Peers.ip;
import static io.atc.gateway.clientip.Peers.mappedPeer;
import static io.atc.gateway.clientip.Peers.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import io.vertx.core.net.SocketAddress;

/** The header formats real proxies write, read right to left across every header instance. */
class ClientIpResolverTests {

    private static final TrustedProxies PROXIES = TrustedProxies.of("10.0.0.0/8", "2001:db8:ffff::/48");
    private final ClientIpResolver xff = new ClientIpResolver(PROXIES, ForwardingHeader.X_FORWARDED_FOR, 16);
    private final ClientIpResolver forwarded = new ClientIpResolver(PROXIES, ForwardingHeader.FORWARDED, 16);

    @Test
    void aTrustedPeerWithoutHeaderIsTheClient() {
        assertThat(xff.resolve(peer("10.0.0.2"), headers())).isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void trustedHopsAreSkippedAndTheFirstUntrustedEntryIsTheClient() {
        assertThat(xff.resolve(peer("10.0.0.3"), headers("X-Forwarded-For", "198.51.100.7, 10.1.1.1, 10.2.2.2")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void aChainOfTrustedProxiesOnlyEndsAtItsLeftmostHop() {
        assertThat(xff.resolve(peer("10.0.0.3"), headers("X-Forwarded-For", "10.9.9.9, 10.1.1.1")))
                .isEqualTo(ip("10.9.9.9"));
    }

    @Test
    void everyHeaderInstanceIsOneListInOrder() {
        assertThat(xff.resolve(
                        peer("10.0.0.3"),
                        headers(
                                "X-Forwarded-For", "192.0.2.1, 198.51.100.7",
                                "x-forwarded-for", "10.1.1.1")))
                .isEqualTo(ip("198.51.100.7"));
        assertThat(xff.resolve(
                        peer("10.0.0.3"),
                        headers(
                                "X-Forwarded-For", "198.51.100.7",
                                "X-Forwarded-For", "10.1.1.1, 10.2.2.2")))
                .isEqualTo(ip("198.51.100.7"));
        assertThat(forwarded.resolve(
                        peer("10.0.0.3"),
                        headers(
                                "Forwarded", "for=192.0.2.1, for=198.51.100.7;proto=https",
                                "Forwarded", "for=10.1.1.1;by=10.0.0.3")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void emptyListElementsAndSpacesAreSkipped() {
        assertThat(xff.resolve(peer("10.0.0.3"), headers("X-Forwarded-For", " 198.51.100.7 ,, 10.1.1.1 ,")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void portsAndBracketsAreAccepted() {
        assertThat(xff.resolve(peer("10.0.0.3"), headers("X-Forwarded-For", "198.51.100.7:5555, 10.1.1.1:443")))
                .isEqualTo(ip("198.51.100.7"));
        assertThat(xff.resolve(peer("10.0.0.3"), headers("X-Forwarded-For", "[2001:db8::7]:443")))
                .isEqualTo(ip("2001:db8::7"));
        assertThat(xff.resolve(peer("10.0.0.3"), headers("X-Forwarded-For", "2001:db8::7, 2001:db8:ffff::1")))
                .isEqualTo(ip("2001:db8::7"));
    }

    @Test
    void forwardedReadsQuotedIpv6WithPortsAndIpv4WithPorts() {
        assertThat(forwarded.resolve(peer("10.0.0.3"), headers("Forwarded", "for=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo(ip("2001:db8:cafe::17"));
        assertThat(forwarded.resolve(
                        peer("10.0.0.3"),
                        headers(
                                "Forwarded",
                                "for=\"[2001:db8:cafe::17]\";proto=https, For=\"[2001:DB8:FFFF::2]:443\";by=\"_gw\"")))
                .isEqualTo(ip("2001:db8:cafe::17"));
        assertThat(forwarded.resolve(
                        peer("10.0.0.3"), headers("Forwarded", "for=\"198.51.100.7:47011\", for=10.1.1.1")))
                .isEqualTo(ip("198.51.100.7"));
        assertThat(forwarded.resolve(
                        peer("10.0.0.3"), headers("Forwarded", "proto=https;for=198.51.100.7:_obf;by=10.0.0.3")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void forwardedQuotedCommasBelongToTheirElement() {
        assertThat(forwarded.resolve(
                        peer("10.0.0.3"), headers("Forwarded", "for=198.51.100.7;host=\"a,b\", for=10.1.1.1")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void ipv6PeersAndClients() {
        assertThat(xff.resolve(peer("2001:db8:ffff::9"), headers("X-Forwarded-For", "2001:db8:1::5")))
                .isEqualTo(ip("2001:db8:1::5"));
        assertThat(xff.resolve(peer("2001:db8:1::9"), headers("X-Forwarded-For", "2001:db8:1::5")))
                .isEqualTo(ip("2001:db8:1::9"));
    }

    @Test
    void ipv4MappedPeersAndEntriesAreIpv4() {
        InetAddress client = xff.resolve(mappedPeer(10, 0, 0, 2), headers("X-Forwarded-For", "::ffff:198.51.100.7"));
        assertThat(client).isEqualTo(ip("198.51.100.7")).isInstanceOf(Inet4Address.class);
        assertThat(xff.resolve(mappedPeer(203, 0, 113, 5), headers()))
                .isEqualTo(ip("203.0.113.5"))
                .isInstanceOf(Inet4Address.class);
    }

    @Test
    void aPeerKnownOnlyByItsTextIsParsedTheSameWay() {
        assertThat(xff.resolve(
                        SocketAddress.inetSocketAddress(40_000, "10.0.0.2"),
                        headers("X-Forwarded-For", "198.51.100.7")))
                .isEqualTo(ip("198.51.100.7"));
        assertThat(xff.resolve(
                        SocketAddress.inetSocketAddress(40_000, "203.0.113.5"), headers("X-Forwarded-For", "10.1.1.1")))
                .isEqualTo(ip("203.0.113.5"));
    }

    @Test
    void aUnixSocketPeerHasNoAddress() {
        assertThat(xff.resolve(
                        SocketAddress.domainSocketAddress("/run/gateway.sock"),
                        headers("X-Forwarded-For", "192.0.2.1")))
                .isNull();
        assertThat(xff.resolve(null, headers())).isNull();
    }

    @Test
    void configurationIsCheckedAtStart() {
        assertThat(ForwardingHeader.fromConfig(" Forwarded ")).isEqualTo(ForwardingHeader.FORWARDED);
        assertThatThrownBy(() -> ForwardingHeader.fromConfig("x-real-ip"))
                .hasMessageContaining("atc.gateway.client-ip.header");
        assertThatThrownBy(() -> new ClientIpResolver(PROXIES, ForwardingHeader.FORWARDED, 0))
                .hasMessageContaining("max-hops");
        assertThatThrownBy(() -> TrustedProxies.of("10.0.0.1/8")).hasMessageContaining("atc.gateway.trusted-proxies");
        assertThat(TrustedProxies.of(" 10.0.0.0/8", "", "::1").blocks()).hasToString("[10.0.0.0/8, ::1/128]");
        assertThat(TrustedProxies.of().isEmpty()).isTrue();
    }
}
