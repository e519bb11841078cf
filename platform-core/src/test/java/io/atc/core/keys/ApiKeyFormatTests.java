package io.atc.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The key format: atc_<env>_<id>_<secret><crc>, checksum-protected, bound to one environment.
 * Breaks when: the checksum is not verified, or keys of another env are accepted.
 */
class ApiKeyFormatTests {

    private final ApiKeyFormat live = new ApiKeyFormat("live");

    @Test
    void aGeneratedKeyHasTheDocumentedShapeAndParsesBack() {
        ParsedApiKey key = live.generate();

        assertThat(key.raw()).matches("atc_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");
        assertThat(key.prefix()).isEqualTo(key.raw().substring(0, "atc_live_".length() + 12));
        assertThat(live.parse(key.raw())).contains(key);
    }

    @Test
    void everyKeyIsDifferentAndTheSecretCarriesOver128Bits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            assertThat(seen.add(live.generate().raw())).isTrue();
        }
        assertThat(ApiKeyFormat.SECRET_LENGTH * Math.log(62) / Math.log(2)).isGreaterThan(128);
    }

    @Test
    void aSingleMistypedCharacterIsCaughtByTheChecksum() {
        String raw = live.generate().raw();
        for (int i = "atc_live_".length(); i < raw.length(); i++) {
            if (raw.charAt(i) == '_') {
                continue;
            }
            char replacement = raw.charAt(i) == 'x' ? 'y' : 'x';
            String typo = raw.substring(0, i) + replacement + raw.substring(i + 1);
            assertThat(live.parse(typo)).as("typo at %d", i).isEmpty();
        }
    }

    @Test
    void keysOfAnotherEnvironmentOrShapeAreRejected() {
        ParsedApiKey testKey = new ApiKeyFormat("test").generate();

        assertThat(live.parse(testKey.raw())).isEmpty();
        assertThat(live.parse(null)).isEmpty();
        assertThat(live.parse("")).isEmpty();
        assertThat(live.parse("atc_live_short")).isEmpty();
        assertThat(live.parse("Bearer " + live.generate().raw())).isEmpty();
        assertThat(live.parse(live.generate().raw() + "x")).isEmpty();
        assertThat(live.parse("a".repeat(10_000))).isEmpty();
    }

    @Test
    void theRawKeyNeverAppearsInItsTextForm() {
        ParsedApiKey key = live.generate();
        assertThat(key.toString()).doesNotContain(key.raw()).contains(key.prefix());
        assertThatThrownBy(() -> new ApiKeyFormat("Live!")).isInstanceOf(IllegalArgumentException.class);
    }
}
