package io.atc.console.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.console.support.FakeGateway;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The keys page against a stand-in gateway: a key's last use (when, from where) and the "unused" flag are
 * shown on the right row, the unused filter and a cursor reach the API only in their checked form, a
 * name a tenant typed is escaped (it is another admin's browser that renders it), and the gateway's
 * voucher for the browser's address is put back on every call the page makes, the later ones included.
 * Breaks when: the flag or last use is dropped or put on the wrong key, templates stop escaping, a
 * hand-edited cursor reaches the API's query, or the voucher is lost after the page's first call.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeGateway.class, restrictToAnnotatedClass = true)
class KeysPageShowsUseAndEscapesWhatTenantsTypeTests {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @BeforeEach
    void gateway() {
        FakeGateway.reset();
        FakeGateway.answer(
                "GET /v1/console/session",
                "{\"tenant\":\"6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14\",\"userId\":\"u\","
                        + "\"scopes\":[\"keys:read\",\"keys:write\"],\"csrfToken\":\"c\"}");
        FakeGateway.answer(
                "GET /v1/keys",
                "{\"items\":["
                        + key(
                                "11111111-1111-4111-8111-111111111111",
                                "CI deploys",
                                false,
                                "\"2026-12-01T10:00:30Z\"",
                                "\"203.0.113.7\"")
                        + "," + key("22222222-2222-4222-8222-222222222222", HOSTILE, true, "null", "null")
                        + "],\"next\":null}");
    }

    @Test
    void lastUseAndTheUnusedFlagAreShownOnTheirKeys() {
        String page = keysPage("/console/keys");
        String used = row(page, "11111111-1111-4111-8111-111111111111");
        String dead = row(page, "22222222-2222-4222-8222-222222222222");
        assertThat(used)
                .contains("2026-12-01 10:00 UTC")
                .contains("203.0.113.7")
                .doesNotContain("flag-unused");
        assertThat(dead).contains("never").contains("flag-unused");
    }

    @Test
    void whatATenantTypedIsEscaped() {
        String page = keysPage("/console/keys");
        assertThat(page).doesNotContain(HOSTILE).contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void theFilterAndCursorReachTheApiOnlyChecked() {
        keysPage("/console/keys?unused=true&after=abc_DEF-123");
        assertThat(lastKeysCall()).isEqualTo("/v1/keys?limit=100&after=abc_DEF-123&unused=true");
        keysPage("/console/keys?unused=yes&after=..%2F..%2Fv1%2Faudit%26limit%3D1");
        assertThat(lastKeysCall()).isEqualTo("/v1/keys?limit=100");
    }

    @Test
    void theVoucherGoesBackOnEveryCallOfThePage() {
        given().cookie("__Host-atc_session", "s")
                .cookie("__Host-atc_csrf", "c")
                .header("X-Atc-Client-Voucher", "voucher-from-the-gateway")
                .get("/console/keys")
                .then()
                .statusCode(200);
        assertThat(FakeGateway.seen()).hasSize(2);
        assertThat(FakeGateway.seen()).allSatisfy(seen -> assertThat(seen.header("X-Atc-Client-Voucher"))
                .as(seen.pathAndQuery())
                .isEqualTo("voucher-from-the-gateway"));
    }

    private static String keysPage(String path) {
        return given().cookie("__Host-atc_session", "s")
                .cookie("__Host-atc_csrf", "c")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static String lastKeysCall() {
        return FakeGateway.seen().stream()
                .map(FakeGateway.Seen::pathAndQuery)
                .filter(path -> path.startsWith("/v1/keys"))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private static String row(String page, String keyId) {
        int start = page.indexOf("data-key-id=\"" + keyId + "\"");
        assertThat(start).as("the row of %s", keyId).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String key(String id, String name, boolean unused, String lastUsedAt, String lastUsedFrom) {
        return "{\"id\":\"" + id + "\",\"prefix\":\"atc_test_"
                + id.substring(0, 12).replace("-", "")
                + "\",\"name\":\"" + name + "\",\"scopes\":[\"keys:read\"],\"allowedCidrs\":[],"
                + "\"allowedOrigins\":[],\"status\":\"active\",\"createdAt\":\"2026-11-01T00:00:00Z\","
                + "\"expiresAt\":null,\"revokedAt\":null,\"lastUsedAt\":" + lastUsedAt + ",\"lastUsedFrom\":"
                + lastUsedFrom + ",\"unused\":" + unused + "}";
    }
}
