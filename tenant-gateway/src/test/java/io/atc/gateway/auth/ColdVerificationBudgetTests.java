package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.atc.gateway.config.GatewayConfig;

/** The per-address budget of cold verifications: grouping, rate, in-flight cap, bounded memory. */
class ColdVerificationBudgetTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    /** Breaks if IPv6 clients are counted per address: each /64 holds 2^64 of them. */
    @Test
    void ipv6ClientsShareTheBudgetOfTheirSlash64() {
        ColdVerificationBudget budget = budget("0.001", "2", "0", "1000");

        assertThat(budget.tryAcquire(ip("2001:db8:1:2::1")).granted()).isTrue();
        assertThat(budget.tryAcquire(ip("2001:db8:1:2:ffff:ffff:ffff:fffe")).granted())
                .isTrue();
        assertThat(budget.tryAcquire(ip("2001:db8:1:2:abcd::9")).granted())
                .as("a third address of the same /64")
                .isFalse();
        assertThat(budget.tryAcquire(ip("2001:db8:1:3::1")).granted())
                .as("the next /64")
                .isTrue();
    }

    @Test
    void ipv4ClientsHaveABudgetEach() {
        ColdVerificationBudget budget = budget("0.001", "1", "0", "1000");

        assertThat(budget.tryAcquire(ip("192.0.2.1")).granted()).isTrue();
        assertThat(budget.tryAcquire(ip("192.0.2.1")).granted()).isFalse();
        assertThat(budget.tryAcquire(ip("192.0.2.2")).granted()).isTrue();
        assertThat(budget.tryAcquire(ip("::ffff:c000:203")).granted())
                .as("192.0.2.3 written as IPv4-mapped IPv6 (InetAddress folds it to IPv4)")
                .isTrue();
        assertThat(budget.tryAcquire(ip("192.0.2.3")).granted()).isFalse();
    }

    @Test
    void theRateRefillsAndTheRefusalSaysWhenToRetry() {
        ColdVerificationBudget budget = budget("0.5", "1", "0", "1000");
        InetAddress client = ip("198.51.100.1");

        assertThat(budget.tryAcquire(client).granted()).isTrue();
        ColdVerificationBudget.Permit refused = budget.tryAcquire(client);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);

        nanos.addAndGet(1_999_000_000L);
        assertThat(budget.tryAcquire(client).retryAfterSeconds()).isEqualTo(1);
        nanos.addAndGet(1_000_000L);
        assertThat(budget.tryAcquire(client).granted()).isTrue();
    }

    @Test
    void aClientAtItsInFlightCapWaitsForOneOfItsOwnToEnd() {
        ColdVerificationBudget budget = budget("0", "1", "2", "1000");
        InetAddress client = ip("198.51.100.2");

        ColdVerificationBudget.Permit first = budget.tryAcquire(client);
        ColdVerificationBudget.Permit second = budget.tryAcquire(client);
        ColdVerificationBudget.Permit third = budget.tryAcquire(client);
        assertThat(first.granted()).isTrue();
        assertThat(second.granted()).isTrue();
        assertThat(third.granted()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(1);
        assertThat(budget.tryAcquire(ip("198.51.100.3")).granted()).isTrue();

        first.release();
        assertThat(budget.tryAcquire(client).granted()).isTrue();
    }

    /** Breaks if the table is an unbounded map: a flood from many addresses would grow it without end. */
    @Test
    void aFloodFromManyAddressesDoesNotGrowTheTableBeyondItsBound() {
        ColdVerificationBudget budget = budget("5", "20", "2", "1000");

        for (int i = 0; i < 200_000; i++) {
            byte[] v6 = new byte[16];
            v6[0] = 0x20;
            v6[1] = 0x01;
            v6[4] = (byte) (i >> 16);
            v6[5] = (byte) (i >> 8);
            v6[6] = (byte) i;
            budget.tryAcquire(address(v6));
        }

        assertThat(budget.addresses()).isLessThanOrEqualTo(1000);
    }

    @Test
    void zeroRateAndZeroInFlightTurnTheBudgetOff() {
        ColdVerificationBudget budget = budget("0", "1", "0", "1000");
        for (int i = 0; i < 1000; i++) {
            assertThat(budget.tryAcquire(ip("192.0.2.9")).granted()).isTrue();
        }
        assertThat(budget.addresses()).isZero();
    }

    @Test
    void anUnknownClientAddressStillHasABudget() {
        ColdVerificationBudget budget = budget("0.001", "1", "0", "1000");

        assertThat(budget.tryAcquire(null).granted()).isTrue();
        assertThat(budget.tryAcquire(null).granted()).isFalse();
    }

    private ColdVerificationBudget budget(String rate, String burst, String inFlight, String maxAddresses) {
        GatewayConfig.PerAddress config = GatewayReplica.limits(Map.of(
                        "atc.gateway.keys.per-address.cold-verifications-per-second", rate,
                        "atc.gateway.keys.per-address.cold-verification-burst", burst,
                        "atc.gateway.keys.per-address.max-cold-in-flight", inFlight,
                        "atc.gateway.keys.per-address.max-addresses", maxAddresses))
                .perAddress();
        return new ColdVerificationBudget(config, nanos::get);
    }

    private static InetAddress ip(String literal) {
        return GatewayReplica.address(literal);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
