package io.atc.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.atc.gateway.config.GatewayConfig;
import io.atc.testkit.config.ConfigMappings;
import io.vertx.core.MultiMap;

/**
 * A preflight (no key) is answered from the origins of active keys; the actual request is then
 * held to the presenting key's own list. Breaks when: a preflight is allowed for an origin no active
 * key names (or for null), a denied preflight leaks any Access-Control-* header or loses Vary, the
 * requested headers are echoed unfiltered, Max-Age is not clamped, or the actual request is checked
 * against the preflight set instead of the key's own list.
 */
class PreflightTests {

    private static final String VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    private final PreflightOrigins origins = new PreflightOrigins();
    private final CorsPolicy cors = new CorsPolicy(
            origins, CorsRules.of(ConfigMappings.defaults(GatewayConfig.class).cors()));

    PreflightTests() {
        origins.replace(Set.of("https://app.tenant-a.example", "https://console.tenant-b.example"));
    }

    @Test
    void anActiveKeysOriginGetsTheCorsAnswer() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap();

        boolean allowed = cors.decidePreflight(
                request("https://app.tenant-a.example", "PATCH", "content-type,x-api-key,x-forbidden"), response);

        assertThat(allowed).isTrue();
        assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("https://app.tenant-a.example");
        assertThat(response.get("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, PATCH, DELETE");
        assertThat(response.get("Access-Control-Allow-Headers")).isEqualTo("Content-Type, X-Api-Key");
        assertThat(response.get("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(response.get("Vary")).isEqualTo(VARY);
        assertThat(response.contains("Access-Control-Allow-Credentials")).isFalse();
    }

    @Test
    void requestedHeadersAcrossLinesAreMatchedIgnoringCase() {
        MultiMap request = request("https://app.tenant-a.example", "GET", "AUTHORIZATION, If-Match")
                .add("Access-Control-Request-Headers", "x-request-id, authorization");
        MultiMap response = MultiMap.caseInsensitiveMultiMap();

        assertThat(cors.decidePreflight(request, response)).isTrue();
        assertThat(response.get("Access-Control-Allow-Headers")).isEqualTo("Authorization, If-Match, X-Request-Id");
    }

    @Test
    void withoutRequestedHeadersNoAllowHeadersIsSent() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap();
        assertThat(cors.decidePreflight(request("https://app.tenant-a.example", "GET", null), response))
                .isTrue();
        assertThat(response.contains("Access-Control-Allow-Headers")).isFalse();
    }

    @Test
    void aNonCanonicalSpellingOfAKnownOriginIsAllowedAndEchoed() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap();
        assertThat(cors.decidePreflight(request("https://app.tenant-a.example:443", "GET", null), response))
                .isTrue();
        assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("https://app.tenant-a.example:443");
    }

    @Test
    void unknownNullOrMalformedOriginsAndOtherMethodsAreDeniedWithoutCorsHeaders() {
        for (String[] attempt : new String[][] {
            {"https://evil.example", "GET"},
            {"https://app.tenant-a.example.evil.io", "GET"},
            {"https://evil-app.tenant-a.example", "GET"},
            {"null", "GET"},
            {"not an origin", "GET"},
            {"https://app.tenant-a.example", "TRACE"},
            {"https://app.tenant-a.example", "get"},
            {"https://app.tenant-a.example", "OPTIONS"},
        }) {
            MultiMap response = MultiMap.caseInsensitiveMultiMap();
            assertThat(cors.decidePreflight(request(attempt[0], attempt[1], "content-type"), response))
                    .as("%s %s", attempt[0], attempt[1])
                    .isFalse();
            assertThat(response.names()).as("%s %s", attempt[0], attempt[1]).containsExactly("Vary");
            assertThat(response.get("Vary")).isEqualTo(VARY);
        }
    }

    @Test
    void nothingIsAllowedBeforeTheOriginsAreLoaded() {
        CorsPolicy unloaded = new CorsPolicy(
                new PreflightOrigins(),
                CorsRules.of(ConfigMappings.defaults(GatewayConfig.class).cors()));
        assertThat(unloaded.decidePreflight(
                        request("https://app.tenant-a.example", "GET", null), MultiMap.caseInsensitiveMultiMap()))
                .isFalse();
    }

    @Test
    void maxAgeIsClampedToTwoHours() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap();
        CorsPolicy generous = new CorsPolicy(origins, new CorsRules(List.of("GET"), List.of(), List.of(), 86_400));
        generous.decidePreflight(request("https://app.tenant-a.example", "GET", null), response);
        assertThat(response.get("Access-Control-Max-Age")).isEqualTo("7200");
        assertThat(new CorsRules(List.of(), List.of(), List.of(), -5).maxAgeSeconds())
                .isZero();
    }

    @Test
    void aPreflightThatPassedForOneKeyDoesNotLetAnotherKeyUseTheOrigin() {
        String origin = "https://app.tenant-a.example";
        assertThat(cors.decidePreflight(request(origin, "POST", "x-api-key"), MultiMap.caseInsensitiveMultiMap()))
                .isTrue();

        List<String> presentingKeyOrigins = List.of("https://console.tenant-b.example");
        assertThat(cors.check(origin, presentingKeyOrigins)).isEqualTo(CorsDecision.DENIED);
        assertThat(cors.check(origin, List.of(origin))).isEqualTo(CorsDecision.ALLOWED);
    }

    private static MultiMap request(String origin, String method, String requestHeaders) {
        MultiMap headers =
                MultiMap.caseInsensitiveMultiMap().add("Origin", origin).add("Access-Control-Request-Method", method);
        if (requestHeaders != null) {
            headers.add("Access-Control-Request-Headers", requestHeaders);
        }
        return headers;
    }
}
