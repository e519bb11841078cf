package io.atc.gateway.clientip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * A voucher names the address the gateway saw, and nothing else passes for one: not an edited address,
 * not another key's voucher, not an expired one, not garbage. Breaks when: the MAC does not cover the
 * address or the expiry, the expiry is not checked, or a voucher from another key is accepted.
 */
class ClientVouchersTests {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");

    private final ClientVouchers vouchers = new ClientVouchers("key one", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aVoucherNamesItsAddressForAMinute() throws Exception {
        for (String address : new String[] {"203.0.113.7", "2001:db8::7"}) {
            String voucher = vouchers.vouchFor(InetAddress.getByName(address));
            assertThat(vouchers.vouched(voucher)).isEqualTo(InetAddress.getByName(address));
            ClientVouchers aMinuteLater =
                    new ClientVouchers("key one", Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
            assertThat(aMinuteLater.vouched(voucher)).as("expired").isNull();
        }
    }

    @Test
    void editedForgedOrMalformedVouchersNameNoAddress() throws Exception {
        String voucher = vouchers.vouchFor(InetAddress.getByName("203.0.113.7"));
        String[] parts = voucher.split("\\.");
        String otherAddress =
                vouchers.vouchFor(InetAddress.getByName("198.51.100.1")).split("\\.")[2];
        String[] refused = {
            parts[0] + "." + parts[1] + "." + otherAddress + "." + parts[3],
            parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2] + "." + parts[3],
            "2." + parts[1] + "." + parts[2] + "." + parts[3],
            new ClientVouchers("key two", Clock.fixed(NOW, ZoneOffset.UTC))
                    .vouchFor(InetAddress.getByName("203.0.113.7")),
            voucher + ".extra",
            parts[0] + "." + parts[1] + "." + parts[2],
            parts[0] + ".soon." + parts[2] + "." + parts[3],
            parts[0] + "." + parts[1] + ".!!!." + parts[3],
            "",
            "x".repeat(500),
            null
        };
        for (String candidate : refused) {
            assertThat(vouchers.vouched(candidate)).as(candidate).isNull();
        }
    }

    @Test
    void withoutASigningKeyThereAreNoVouchers() throws Exception {
        ClientVouchers none = new ClientVouchers("", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(none.vouchFor(InetAddress.getByName("203.0.113.7"))).isNull();
        assertThat(none.vouched(vouchers.vouchFor(InetAddress.getByName("203.0.113.7"))))
                .isNull();
    }
}
