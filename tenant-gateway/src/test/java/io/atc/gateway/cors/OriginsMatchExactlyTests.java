package io.atc.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.gateway.config.GatewayConfig;
import io.atc.testkit.config.ConfigMappings;

/**
 * An actual request is checked against the presenting key's own origins, exactly after
 * normalisation. Breaks when: origins are compared by prefix, suffix or substring (the
 * a.com.evil.io and evil-a.com cases), "null" is accepted, or normalisation is skipped (the
 * equivalent-spelling cases are then refused).
 */
class OriginsMatchExactlyTests {

    private static final List<String> KEY_ORIGINS = List.of("https://a.com", "http://localhost:5173");
    private final CorsPolicy cors = new CorsPolicy(
            new PreflightOrigins(),
            CorsRules.of(ConfigMappings.defaults(GatewayConfig.class).cors()));

    @Test
    void noOriginHeaderIsAServerCall() {
        assertThat(cors.check(null, KEY_ORIGINS)).isEqualTo(CorsDecision.NO_ORIGIN);
        assertThat(cors.check(null, List.of())).isEqualTo(CorsDecision.NO_ORIGIN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://a.com", "https://a.com:443", "HTTPS://A.COM", "https://A.com/", "http://localhost:5173"
            })
    void theSameOriginInAnySpellingIsAllowed(String origin) {
        assertThat(cors.check(origin, KEY_ORIGINS)).isEqualTo(CorsDecision.ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "NULL",
                "https://a.com.evil.io",
                "https://evil-a.com",
                "https://evila.com",
                "https://sub.a.com",
                "http://a.com",
                "https://a.com:8443",
                "https://a.co",
                "https://a.com.",
                "a.com",
                "https://a.com/path",
                "https://user@a.com",
                "https://a.com?x",
                "*",
                "",
                " ",
                "file://",
                "http://localhost",
                "http://localhost:5174",
                "https://a.com, https://evil.io",
                "https://xn--a-com"
            })
    void everythingElseIsDenied(String origin) {
        assertThat(cors.check(origin, KEY_ORIGINS)).isEqualTo(CorsDecision.DENIED);
    }

    @Test
    void aKeyWithoutOriginsIsForServersOnly() {
        assertThat(cors.check("https://a.com", List.of())).isEqualTo(CorsDecision.DENIED);
    }

    @Test
    void anAllowedResponseNamesTheOriginNeverAStarNorCredentials() {
        io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        cors.allowActualResponse(headers, "https://a.com");

        assertThat(headers.get("Access-Control-Allow-Origin")).isEqualTo("https://a.com");
        assertThat(headers.get("Access-Control-Expose-Headers")).isEqualTo("Retry-After, Location, X-Request-Id, ETag");
        assertThat(headers.get("Vary")).isEqualTo("Origin");
        assertThat(headers.contains("Access-Control-Allow-Credentials")).isFalse();
    }
}
