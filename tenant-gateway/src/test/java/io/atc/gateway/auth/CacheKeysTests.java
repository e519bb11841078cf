package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.atc.core.keys.ApiKeyFormat;

/** The caches never hold a key, only a keyed hash of it whose key exists in this process alone. */
class CacheKeysTests {

    private final String key = new ApiKeyFormat("test").generate().raw();

    @Test
    void sameKeySameCacheKeyWithinAProcess() {
        CacheKeys cacheKeys = new CacheKeys();
        assertThat(cacheKeys.of(key)).isEqualTo(cacheKeys.of(key)).isNotEqualTo(cacheKeys.of(key + "x"));
    }

    /** Breaks if the HMAC secret is fixed (or the key is merely hashed): another replica's dump would then be testable. */
    @Test
    void anotherProcessDerivesOtherCacheKeys() {
        assertThat(new CacheKeys().of(key)).isNotEqualTo(new CacheKeys().of(key));
    }

    @Test
    void aCacheKeyRevealsNothingOfTheKey() {
        String cacheKey = new CacheKeys().of(key);
        assertThat(cacheKey)
                .doesNotContain(key.substring(22, 40))
                .doesNotContain(key.substring(0, 21))
                .hasSize(32);
    }
}
