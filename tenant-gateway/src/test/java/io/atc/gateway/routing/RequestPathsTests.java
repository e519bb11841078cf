package io.atc.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path confusion cannot bypass routing: the gateway routes exactly what the upstream will decode.
 * Breaks when: a dot segment, empty segment, encoded slash or backslash, double encoding, matrix
 * parameter or control character gets through, or encoded unreserved characters are routed undecoded.
 */
class RequestPathsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/keys",
                "/v1/keys/",
                "/v1/sites/abc/retention",
                "/v1/keys/0b8e4d7e-51a1-4c55-b7c1-5d2f0f6b9e42",
                "/v1/sites/caf%C3%A9",
                "/v1/sites/a%20b",
                "/v1/sites/a.b",
                "/v1/sites/..a",
                "/"
            })
    void acceptsOrdinaryPathsAsTheyAre(String path) {
        assertThat(RequestPaths.normalise(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/keys/../audit",
                "/v1/keys/./x",
                "/v1/..",
                "/v1//keys",
                "//v1/keys",
                "/v1/keys//",
                "/v1/keys/%2Fx",
                "/v1/keys/%2fx",
                "/v1/keys/%5cx",
                "/v1/keys\\x",
                "/v1/keys/%2e%2e/audit",
                "/v1/keys/%2E",
                "/v1/keys/%252f",
                "/v1/keys;x=1",
                "/v1/keys/a;b",
                "/v1/keys/%00",
                "/v1/keys/%0a",
                "/v1/keys/%7f",
                "/v1/keys/\u0001",
                "/v1/keys/é",
                "/v1/keys/a b",
                "/v1/keys/%zz",
                "/v1/keys/%4",
                "v1/keys",
                ""
            })
    void refusesWhatCouldBeReadTwoWays(String path) {
        assertThat(RequestPaths.normalise(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/sites/x/%72etention|/v1/sites/x/retention",
                "/v1/%6Beys|/v1/keys",
                "/v1/sites/%7e%2D%5f|/v1/sites/~-_",
                "/v1/sites/a%3bb|/v1/sites/a%3Bb",
                "/v1/sites/a%c3%a9|/v1/sites/a%C3%A9"
            })
    void decodesUnreservedCharactersAndUppercasesTheRest(String pair) {
        String[] raw = pair.split("\\|");
        assertThat(RequestPaths.normalise(raw[0])).isEqualTo(raw[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/sites/x/%2e%2e/y", "/v1/sites/%2E/y"})
    void decodedDotsAreDotSegmentsToo(String path) {
        assertThat(RequestPaths.normalise(path)).isNull();
    }
}
