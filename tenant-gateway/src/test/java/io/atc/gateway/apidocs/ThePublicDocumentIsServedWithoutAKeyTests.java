package io.atc.gateway.apidocs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.RawHttp;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The committed public API document (docs/api) is what the gateway serves at /v1/openapi.json and
 * .yaml, to anyone without a key, cacheable and revalidated by a strong ETag; it opens no other path.
 * Breaks when: the build copies another document (or none), KeylessRoutes stops naming the paths (401),
 * the ETag is not the bytes' SHA-256 or If-None-Match is ignored, a write method is served, or a
 * path that merely starts with the document's path skips the key check.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class ThePublicDocumentIsServedWithoutAKeyTests {

    @ParameterizedTest
    @CsvSource({"/v1/openapi.json, openapi.json, application/json", "/v1/openapi.yaml, openapi.yaml, application/yaml"})
    void theCommittedBytesAreServedWithoutAKey(String path, String file, String mediaType) throws Exception {
        GatewayDoubles.install();
        byte[] committed = Files.readAllBytes(Path.of("../docs/api", file));
        Response response = given().get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEqualTo(committed);
        assertThat(response.contentType()).startsWith(mediaType);
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(response.header("ETag")).isEqualTo("\"" + sha256(committed) + "\"");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/openapi.json", "/v1/openapi.yaml"})
    void aCurrentCopyIsNotSentAgain(String path) {
        GatewayDoubles.install();
        String etag = given().get(path).header("ETag");

        given().header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "public, max-age=300");
        given().header("If-None-Match", "\"another\"").get(path).then().statusCode(200);
        given().head(path).then().statusCode(200).header("ETag", etag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void anyOtherMethodIs405(String method) {
        GatewayDoubles.install();
        given().body("{}")
                .contentType("application/json")
                .request(method, "/v1/openapi.json")
                .then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"))
                .header("Allow", "GET, HEAD")
                .body("type", equalTo("urn:atc:problem:method-not-allowed"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/openapi.json/../keys",
                "/v1/openapi.json/%2e%2e/keys",
                "/v1/openapi.json/keys",
                "/v1/openapi.json;/../keys",
                "/v1/openapi.jsonx"
            })
    void aPathThatOnlyStartsLikeTheDocumentIsNotKeyless(String path) throws IOException {
        GatewayDoubles.install();
        RawHttp.Response response = RawHttp.exchange("GET " + path + " HTTP/1.1\r\nHost: gw");
        assertThat(response.status()).as(path).isIn(400, 401, 404);
        assertThat(response.body()).doesNotContain("\"openapi\"");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
