package io.atc.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.core.errors.ProblemException;

class OriginsTests {

    @ParameterizedTest
    @CsvSource({
        "https://App.Example.COM, https://app.example.com",
        "https://app.example.com:443, https://app.example.com",
        "http://app.example.com:80, http://app.example.com",
        "https://app.example.com:8443, https://app.example.com:8443",
        "https://app.example.com/, https://app.example.com",
        "HTTPS://bücher.example, https://xn--bcher-kva.example",
        "http://localhost:3000, http://localhost:3000"
    })
    void originsAreNormalised(String input, String canonical) {
        assertThat(Origins.canonical("allowedOrigins[0]", input)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "NULL",
                "*",
                "https://*.example.com",
                "ftp://example.com",
                "example.com",
                "https://example.com/path",
                "https://example.com?q=1",
                "https://example.com#x",
                "https://user:pw@example.com",
                "https://",
                "https://example.com.",
                "javascript:alert(1)",
                "file:///etc/passwd",
                "https://exa mple.com"
            })
    void anythingButOneOriginIsRefused(String input) {
        assertThatThrownBy(() -> Origins.canonical("allowedOrigins[0]", input)).isInstanceOf(ProblemException.class);
    }
}
