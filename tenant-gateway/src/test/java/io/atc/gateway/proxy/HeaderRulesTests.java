package io.atc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The small header rules the proxy applies per request (Vary merging is cors.VaryIsMergedTests).
 * Breaks when: a header named by Connection is missed, header names are matched case-sensitively, or a
 * caller's request id is accepted unchecked.
 */
class HeaderRulesTests {

    @Test
    void connectionNamesHeadersAsTrimmedCaseInsensitiveTokens() {
        assertThat(HeaderNameSet.namedIn("keep-alive, X-Hop ,\tX-Other", "x-hop"))
                .isTrue();
        assertThat(HeaderNameSet.namedIn("keep-alive, X-Hop", "X-Other")).isFalse();
        assertThat(HeaderNameSet.namedIn("X-Hopper", "X-Hop")).isFalse();
        assertThat(HeaderNameSet.namedIn("close", "close")).isTrue();
    }

    @Test
    void headerNameSetsIgnoreCase() {
        HeaderNameSet set = new HeaderNameSet("x-api-key", "authorization", "te");
        assertThat(set.contains("X-Api-Key")).isTrue();
        assertThat(set.contains("AUTHORIZATION")).isTrue();
        assertThat(set.contains("TE")).isTrue();
        assertThat(set.contains("X-Api-Keys")).isFalse();
        assertThat(set.contains("t")).isFalse();
    }

    @Test
    void requestIdsAreKeptOnlyWhenPlausible() {
        assertThat(RequestIds.acceptOrCreate("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(RequestIds.acceptOrCreate("a b")).matches("[0-9a-f]{32}");
        assertThat(RequestIds.acceptOrCreate("x".repeat(129))).matches("[0-9a-f]{32}");
        assertThat(RequestIds.acceptOrCreate("")).matches("[0-9a-f]{32}");
        assertThat(RequestIds.acceptOrCreate(null)).matches("[0-9a-f]{32}");
        assertThat(RequestIds.create().toString())
                .matches("[0-9a-f]{32}")
                .isNotEqualTo(RequestIds.create().toString());
    }
}
