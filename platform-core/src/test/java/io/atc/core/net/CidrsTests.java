package io.atc.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.core.errors.ProblemException;

class CidrsTests {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.0/24, 203.0.113.0/24",
        "203.0.113.7, 203.0.113.7/32",
        "0.0.0.0/0, 0.0.0.0/0",
        "2001:DB8::/32, 2001:db8::/32",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1/128",
        "::/0, ::/0",
        "fe80::/10, fe80::/10",
        "2001:db8:0:1::/64, 2001:db8:0:1::/64"
    })
    void validRangesAreCanonicalised(String input, String canonical) {
        assertThat(Cidrs.canonical("allowedCidrs[0]", input)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/8", "2001:db8::1/32", "192.168.1.1/24"})
    void hostBitsAreRefusedWithTheNetworkMeant(String input) {
        assertThatThrownBy(() -> Cidrs.canonical("allowedCidrs[0]", input))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("host bits set; did you mean");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "example.com/24",
                "10.0.0.256",
                "10.0.0/24",
                "10.0.0.0/33",
                "::/129",
                "10.0.0.0/-1",
                "10.0.0.0/8/8",
                "01.2.3.4",
                "fe80::1%eth0",
                "::ffff:10.0.0.0/104",
                " ",
                "10.0.0.0/ 8"
            })
    void anythingButALiteralRangeIsRefused(String input) {
        assertThatThrownBy(() -> Cidrs.canonical("allowedCidrs[0]", input)).isInstanceOf(ProblemException.class);
    }

    @Test
    void listsAreDeduplicatedAfterCanonicalisation() {
        assertThat(Cidrs.canonical("allowedCidrs", List.of("2001:DB8::/32", "2001:db8:0::/32", "10.0.0.0/8")))
                .containsExactly("2001:db8::/32", "10.0.0.0/8");
    }
}
