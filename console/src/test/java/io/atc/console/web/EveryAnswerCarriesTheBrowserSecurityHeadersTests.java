package io.atc.console.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Pages, assets and errors of the console carry a strict CSP (scripts and styles only from the console's
 * own files: no inline script, no eval; nothing may frame it), no referrer, and no-store for pages.
 * Breaks when: SecurityHeaders is not registered, its policy allows 'unsafe-inline' or 'unsafe-eval',
 * a template gains an inline script or style attribute, or a page may be cached.
 */
@QuarkusTest
class EveryAnswerCarriesTheBrowserSecurityHeadersTests {

    @Test
    void theSignInPageCarriesThemAndHasNoInlineScriptOrStyle() {
        Response page = given().get("/console/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        strictHeaders(page);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String html = page.asString();
        assertThat(html).contains("<script src=\"/console/assets/console.js\" defer></script>");
        assertThat(html.replace("<script src=\"/console/assets/console.js\" defer></script>", ""))
                .doesNotContain("<script")
                .doesNotContain(" style=")
                .doesNotContain("<style")
                .doesNotContain(" on");
    }

    @Test
    void assetsAndUnknownPathsCarryThemToo() {
        Response css = given().get("/console/assets/console.css");
        assertThat(css.statusCode()).isEqualTo(200);
        strictHeaders(css);
        Response js = given().get("/console/assets/console.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.asString())
                .doesNotContain("eval(")
                .doesNotContain("localStorage")
                .doesNotContain("sessionStorage");
        strictHeaders(js);
        Response missing = given().get("/console/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        strictHeaders(missing);
    }

    private static void strictHeaders(Response response) {
        String csp = response.header("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("style-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self'")
                .doesNotContain("unsafe");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
