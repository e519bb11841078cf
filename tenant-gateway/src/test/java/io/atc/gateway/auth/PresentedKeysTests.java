package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** Which key a request presents, and which requests are too ambiguous to say. */
class PresentedKeysTests {

    private static final String KEY = "atc_test_abcdefghijkl_0123456789abcdefghijklmnopqrstuvWXYZAB";
    private static final String OTHER = "atc_test_zzzzzzzzzzzz_0123456789abcdefghijklmnopqrstuvWXYZAB";

    @Test
    void bearerSchemeInAnyCase() {
        assertThat(presented("Authorization", "Bearer " + KEY).value()).isEqualTo(KEY);
        assertThat(presented("Authorization", "bearer " + KEY).value()).isEqualTo(KEY);
        assertThat(presented("Authorization", "BEARER   " + KEY + " ").value()).isEqualTo(KEY);
    }

    @Test
    void apiKeyHeader() {
        assertThat(presented("X-Api-Key", KEY).value()).isEqualTo(KEY);
        assertThat(presented("x-api-key", " " + KEY).value()).isEqualTo(KEY);
    }

    @Test
    void theSameKeyInBothHeadersIsThatKey() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer " + KEY)
                .add("X-Api-Key", KEY);
        assertThat(PresentedKeys.from(headers).value()).isEqualTo(KEY);
    }

    @Test
    void noKeyIsMissing() {
        assertThat(PresentedKeys.from(MultiMap.caseInsensitiveMultiMap().add("Accept", "*/*"))
                        .problem())
                .isEqualTo(AuthOutcome.MISSING);
    }

    /** Breaks if either header wins silently: a proxy adding one header could then swap the caller's key. */
    @Test
    void twoDifferentKeysAreRefused() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer " + KEY)
                .add("X-Api-Key", OTHER);
        assertThat(PresentedKeys.from(headers).problem()).isEqualTo(AuthOutcome.BAD_FORMAT);
    }

    @Test
    void aRepeatedHeaderIsRefused() {
        assertThat(PresentedKeys.from(MultiMap.caseInsensitiveMultiMap()
                                .add("X-Api-Key", KEY)
                                .add("X-Api-Key", KEY))
                        .problem())
                .isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(PresentedKeys.from(MultiMap.caseInsensitiveMultiMap()
                                .add("Authorization", "Bearer " + KEY)
                                .add("Authorization", "Bearer " + OTHER))
                        .problem())
                .isEqualTo(AuthOutcome.BAD_FORMAT);
    }

    @Test
    void malformedCredentialsAreRefused() {
        assertThat(presented("Authorization", "Basic dXNlcjpwYXNz").problem()).isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(presented("Authorization", "Bearer").problem()).isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(presented("Authorization", "Bearer ").problem()).isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(presented("Authorization", "Bearer " + KEY + " " + OTHER).problem())
                .isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(presented("Authorization", "Bearer" + KEY).problem()).isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(presented("X-Api-Key", "").problem()).isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(presented("X-Api-Key", KEY + "\t" + OTHER).problem()).isEqualTo(AuthOutcome.BAD_FORMAT);
    }

    @Test
    void oversizedValuesAreRefusedUnread() {
        assertThat(presented("X-Api-Key", KEY.repeat(10)).problem()).isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(presented("Authorization", "Bearer " + "a".repeat(PresentedKeys.MAX_LENGTH))
                        .problem())
                .isEqualTo(AuthOutcome.BAD_FORMAT);
    }

    @Test
    void neverShowsTheKey() {
        assertThat(presented("X-Api-Key", KEY).toString()).doesNotContain(KEY).doesNotContain("0123456789");
    }

    private static PresentedKey presented(String header, String value) {
        return PresentedKeys.from(MultiMap.caseInsensitiveMultiMap().add(header, value));
    }
}
