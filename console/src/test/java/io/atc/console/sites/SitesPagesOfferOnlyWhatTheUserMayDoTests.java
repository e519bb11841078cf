package io.atc.console.sites;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.console.support.FakeGateway;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The sites and devices pages against a stand-in gateway ({@link FakeGateway}): a reader sees the site and
 * its device with no form that changes them, a writer gets every form; an id that is not a UUID never
 * reaches the gateway, and an id the API does not know (another tenant's answers 404 alike) is "No such
 * site/device in this tenant", never an error page. Breaks when: a page drops its scope check, an id from
 * the URL goes into an API path unchecked, or a 404 is rendered instead of redirected. Checked: with the
 * site page offering its forms whatever the scopes, the reader's test fails.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeGateway.class, restrictToAnnotatedClass = true)
class SitesPagesOfferOnlyWhatTheUserMayDoTests {

    @BeforeEach
    void scenario() {
        SitesScenario.install();
    }

    private static final String SITE_PAGE = "/console/sites/" + SitesScenario.SITE;
    private static final String DEVICE_PAGE = SITE_PAGE + "/devices/" + SitesScenario.DEVICE;
    private static final List<String> SITE_FORMS =
            List.of("id=\"rename-site-form\"", "id=\"delete-site\"", "id=\"register-device-form\"");
    private static final List<String> DEVICE_FORMS = List.of(
            "id=\"rename-device-form\"",
            "id=\"toggle-enabled\"",
            "id=\"reset-password-form\"",
            "id=\"issue-certificate-form\"",
            "id=\"revoke-certificates\"",
            "id=\"delete-device\"");

    @Test
    void aReaderSeesSitesAndDevicesButNoFormThatChangesThem() {
        String sites = page("reader", "/console/sites");
        assertThat(sites).contains("Rotterdam depot").doesNotContain("create-site-form");
        String site = page("reader", SITE_PAGE);
        assertThat(site).contains("Rotterdam depot", "Gate camera 1", "Retention settings");
        SITE_FORMS.forEach(form -> assertThat(site).doesNotContain(form));
        String device = page("reader", DEVICE_PAGE);
        assertThat(device).contains("d-" + SitesScenario.DEVICE, "MQTT password or certificate");
        DEVICE_FORMS.forEach(form -> assertThat(device).doesNotContain(form));
    }

    @Test
    void aWriterGetsEveryForm() {
        assertThat(page("writer", "/console/sites")).contains("create-site-form");
        String site = page("writer", SITE_PAGE);
        SITE_FORMS.forEach(form -> assertThat(site).contains(form));
        String device = page("writer", DEVICE_PAGE);
        DEVICE_FORMS.forEach(form -> assertThat(device).contains(form));
    }

    @Test
    void idsThatAreNotUuidsNeverReachTheGateway() {
        forgetRequests();
        for (String path : List.of(
                "/console/sites/not-a-uuid",
                "/console/sites/" + SitesScenario.SITE + "x/delete",
                "/console/sites/..%2F..%2Fv1%2Fkeys",
                "/console/sites/not-a-uuid/devices/" + SitesScenario.DEVICE)) {
            redirected(given(), "GET", path, "/console/sites?done=missing");
        }
        redirected(given(), "GET", SITE_PAGE + "/devices/not-a-uuid", SITE_PAGE + "?done=missing-device");
        redirected(
                given().formParam("csrf", "c").formParam("name", "x"),
                "POST",
                "/console/sites/not-a-uuid/rename",
                "/console/sites?done=missing");
        redirected(
                given().formParam("csrf", "c"),
                "POST",
                SITE_PAGE + "/devices/not-a-uuid/password",
                SITE_PAGE + "?done=missing-device");
        assertThat(requests()).allMatch(request -> request.equals("GET /v1/console/session"));
    }

    @Test
    void anIdTheApiDoesNotKnowIsNoSuchSiteOrDevice() {
        String other = "/console/sites/" + SitesScenario.OTHER;
        redirected(given(), "GET", other, "/console/sites?done=missing");
        redirected(given(), "GET", other + "/delete", "/console/sites?done=missing");
        redirected(given(), "GET", other + "/devices/" + SitesScenario.DEVICE, "/console/sites?done=missing");
        redirected(given(), "GET", SITE_PAGE + "/devices/" + SitesScenario.OTHER, SITE_PAGE + "?done=missing-device");
        redirected(
                given(),
                "GET",
                SITE_PAGE + "/devices/" + SitesScenario.OTHER + "/delete",
                SITE_PAGE + "?done=missing-device");
        redirected(
                given().formParam("csrf", "c").formParam("name", "x"),
                "POST",
                other + "/rename",
                "/console/sites?done=missing");
        redirected(
                given().formParam("csrf", "c").formParam("enabled", "false"),
                "POST",
                SITE_PAGE + "/devices/" + SitesScenario.OTHER + "/enabled",
                SITE_PAGE + "?done=missing-device");
        assertThat(page("reader", "/console/sites?done=missing")).contains("No such site in this tenant.");
        assertThat(page("reader", SITE_PAGE + "?done=missing-device")).contains("No such device in this tenant.");
    }

    @Test
    void aGeneratedKeyIsOnlyInTheDialogAndASignedCsrsChainIsOnThePage() {
        String generated = issue(null);
        assertThat(generated).contains("id=\"secret-dialog\"", "MIGHfake", "MIIBdevice");
        assertThat(generated.indexOf("MIGHfake"))
                .as("the key inside the dialog")
                .isBetween(generated.indexOf("<dialog"), generated.indexOf("</dialog>"));
        assertThat(generated).containsOnlyOnce("MIGHfake").containsOnlyOnce("MIIBdevice");
        String signed = issue("-----BEGIN CERTIFICATE REQUEST-----\nMIHb\n-----END CERTIFICATE REQUEST-----");
        assertThat(signed)
                .doesNotContain("secret-dialog")
                .doesNotContain("PRIVATE KEY")
                .contains("MIIBdevice");
    }

    private static String issue(String csr) {
        io.restassured.specification.RequestSpecification form = given().cookie("__Host-atc_session", "writer")
                .cookie("__Host-atc_csrf", "c")
                .formParam("csrf", "c");
        Response answer = (csr == null ? form : form.formParam("csr", csr)).post(DEVICE_PAGE + "/certificates");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        return answer.asString();
    }

    private static String page(String session, String path) {
        Response page = given().cookie("__Host-atc_session", session)
                .cookie("__Host-atc_csrf", "c")
                .redirects()
                .follow(false)
                .get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.asString();
    }

    private static void redirected(
            io.restassured.specification.RequestSpecification request, String method, String path, String to) {
        Response answer = request.cookie("__Host-atc_session", "writer")
                .cookie("__Host-atc_csrf", "c")
                .redirects()
                .follow(false)
                .request(method, path);
        assertThat(answer.statusCode()).as("%s %s", method, path).isEqualTo(303);
        assertThat(answer.header("Location")).as("%s %s", method, path).endsWith(to);
    }

    private static void forgetRequests() {
        FakeGateway.forgetRequests();
    }

    private static List<String> requests() {
        return FakeGateway.requests();
    }
}
