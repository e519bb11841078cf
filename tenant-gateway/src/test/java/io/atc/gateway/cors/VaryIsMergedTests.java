package io.atc.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/**
 * Vary from the upstream service is kept and Origin is added once. Breaks when: Vary is set instead
 * of merged (the upstream's Accept-Encoding is lost and caches mix encodings), tokens are compared
 * case-sensitively (duplicates), or * is extended (it already means everything).
 */
class VaryIsMergedTests {

    @Test
    void setsVaryWhenThereIsNone() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        CorsPolicy.varyOnOrigin(headers);
        assertThat(headers.getAll("Vary")).containsExactly("Origin");
    }

    @Test
    void keepsTheUpstreamsFieldsAndAddsOrigin() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Vary", "Accept-Encoding, Accept-Language");
        CorsPolicy.varyOnOrigin(headers);
        assertThat(headers.getAll("Vary")).containsExactly("Accept-Encoding, Accept-Language, Origin");
    }

    @Test
    void mergesSeveralUpstreamLinesIntoOne() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("vary", "Accept-Encoding")
                .add("Vary", " Accept ");
        CorsPolicy.mergeVary(headers, "Origin", "Access-Control-Request-Method");
        assertThat(headers.getAll("Vary"))
                .containsExactly("Accept-Encoding, Accept, Origin, Access-Control-Request-Method");
    }

    @Test
    void neverDuplicatesAFieldInAnyCase() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Vary", "accept-encoding,origin");
        CorsPolicy.varyOnOrigin(headers);
        CorsPolicy.mergeVary(headers, "ORIGIN", "Accept-Encoding");
        assertThat(headers.getAll("Vary")).containsExactly("accept-encoding,origin");

        MultiMap fresh = MultiMap.caseInsensitiveMultiMap().add("Vary", "Accept");
        CorsPolicy.mergeVary(fresh, "Origin", "origin");
        assertThat(fresh.getAll("Vary")).containsExactly("Accept, Origin");
    }

    @Test
    void starStaysStar() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Vary", "*");
        CorsPolicy.varyOnOrigin(headers);
        assertThat(headers.getAll("Vary")).containsExactly("*");

        MultiMap mixed = MultiMap.caseInsensitiveMultiMap().add("Vary", "Accept, *");
        CorsPolicy.varyOnOrigin(mixed);
        assertThat(mixed.getAll("Vary")).containsExactly("Accept, *");
    }

    @Test
    void callingItOnEveryResponseIsIdempotent() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Vary", "Accept-Encoding");
        CorsPolicy.varyOnOrigin(headers);
        CorsPolicy.varyOnOrigin(headers);
        assertThat(headers.getAll("Vary")).containsExactly("Accept-Encoding, Origin");
    }
}
