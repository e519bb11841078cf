package io.atc.gateway.clientip;

import static io.atc.gateway.clientip.Peers.headers;
import static io.atc.gateway.clientip.Peers.ip;
import static io.atc.gateway.clientip.Peers.peer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import org.junit.jupiter.api.Test;

/**
 * A client cannot choose the address the IP allowlist sees. Each test is the attack.
 * Breaks when: forwarding headers are read from an untrusted peer (first test), the leftmost
 * X-Forwarded-For entry is taken (leftmostEntry...), a Forwarded header is believed behind a proxy
 * that maintains X-Forwarded-For (aForwardedHeader...), walking continues past an entry that is not
 * an address (unknownOrObfuscated...), or the walk is unbounded and ends on client text (aLongChain...).
 */
class ForwardedForSpoofingFailsTests {

    private static final TrustedProxies PROXIES = TrustedProxies.of("10.0.0.0/8", "2001:db8:ffff::/48");
    private final ClientIpResolver xff = new ClientIpResolver(PROXIES, ForwardingHeader.X_FORWARDED_FOR, 16);
    private final ClientIpResolver forwarded = new ClientIpResolver(PROXIES, ForwardingHeader.FORWARDED, 16);

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
        assertThat(xff.resolve(peer("203.0.113.5"), headers("X-Forwarded-For", "192.0.2.1")))
                .isEqualTo(ip("203.0.113.5"));
        assertThat(forwarded.resolve(peer("203.0.113.5"), headers("Forwarded", "for=192.0.2.1")))
                .isEqualTo(ip("203.0.113.5"));
    }

    @Test
    void withoutTrustedProxiesThePeerIsAlwaysTheClient() {
        ClientIpResolver none = new ClientIpResolver(TrustedProxies.of(), ForwardingHeader.X_FORWARDED_FOR, 16);
        assertThat(none.resolve(peer("10.0.0.1"), headers("X-Forwarded-For", "192.0.2.1")))
                .isEqualTo(ip("10.0.0.1"));
    }

    @Test
    void leftmostEntryIsNotTheClient() {
        // The client sent "X-Forwarded-For: 192.0.2.1" (an allowlisted address); the proxy appended what it saw.
        assertThat(xff.resolve(peer("10.0.0.2"), headers("X-Forwarded-For", "192.0.2.1, 198.51.100.7")))
                .isEqualTo(ip("198.51.100.7"));
        assertThat(forwarded.resolve(peer("10.0.0.2"), headers("Forwarded", "for=192.0.2.1, for=198.51.100.7")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void spoofedEntriesThatLookTrustedDoNotMoveTheClientLeft() {
        // The client pretends to be behind one of our proxies; the real first proxy still appended its peer.
        assertThat(xff.resolve(
                        peer("10.0.0.2"), headers("X-Forwarded-For", "192.0.2.1, 10.9.9.9, 198.51.100.7, 10.1.1.1")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void aForwardedHeaderIsIgnoredWhenTheProxiesWriteXForwardedFor() {
        // The proxy appends to X-Forwarded-For and passes the client's own Forwarded header through.
        assertThat(xff.resolve(
                        peer("10.0.0.2"), headers("Forwarded", "for=192.0.2.1", "X-Forwarded-For", "198.51.100.7")))
                .isEqualTo(ip("198.51.100.7"));
        assertThat(forwarded.resolve(
                        peer("10.0.0.2"), headers("X-Forwarded-For", "192.0.2.1", "Forwarded", "for=198.51.100.7")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void unknownOrObfuscatedEntriesStopTheWalkAtTheLastTrustedHop() {
        assertThat(xff.resolve(peer("10.0.0.2"), headers("X-Forwarded-For", "192.0.2.1, unknown, 10.1.1.1")))
                .isEqualTo(ip("10.1.1.1"));
        assertThat(xff.resolve(peer("10.0.0.2"), headers("X-Forwarded-For", "192.0.2.1, evil.example, 10.1.1.1")))
                .isEqualTo(ip("10.1.1.1"));
        assertThat(forwarded.resolve(peer("10.0.0.2"), headers("Forwarded", "for=192.0.2.1, for=\"_hidden\"")))
                .isEqualTo(ip("10.0.0.2"));
        assertThat(forwarded.resolve(
                        peer("10.0.0.2"), headers("Forwarded", "for=192.0.2.1, for=unknown, for=10.1.1.1")))
                .isEqualTo(ip("10.1.1.1"));
        assertThat(forwarded.resolve(peer("10.0.0.2"), headers("Forwarded", "for=192.0.2.1, by=10.1.1.1;proto=https")))
                .isEqualTo(ip("10.0.0.2"));
        assertThat(forwarded.resolve(
                        peer("10.0.0.2"), headers("Forwarded", "for=192.0.2.1, for=198.51.100.7;for=10.1.1.1")))
                .as("a repeated for= is not an address we can trust")
                .isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void anUnterminatedQuoteFromTheClientCannotSwallowTheProxysEntry() {
        // The client sent `Forwarded: for="`; the proxy appended `, for=198.51.100.7` to the same line.
        assertThat(forwarded.resolve(peer("10.0.0.2"), headers("Forwarded", "for=\", for=198.51.100.7")))
                .isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void aLongChainIsReadOnlyUpToTheCapAndNeverEndsOnClientText() {
        ClientIpResolver capped = new ClientIpResolver(PROXIES, ForwardingHeader.X_FORWARDED_FOR, 3);
        String chain = "192.0.2.1, " + String.join(", ", Collections.nCopies(5, "10.1.1.1")) + ", 10.3.3.3, 10.2.2.2";
        assertThat(capped.resolve(peer("10.0.0.2"), headers("X-Forwarded-For", chain)))
                .isEqualTo(ip("10.1.1.1"));
        assertThat(capped.resolve(peer("10.0.0.2"), headers("X-Forwarded-For", "192.0.2.1, 10.3.3.3, 10.2.2.2")))
                .isEqualTo(ip("192.0.2.1"));
    }
}
