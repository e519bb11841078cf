package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A tenant admin's retention work in the console, in a real browser against the platform as ./run starts
 * it: a site's retention changed and its preview seen, a bad value refused with the API's 422 and nothing
 * changed, the tenant's default set, a legal hold placed and released after a confirmation page, runs
 * listed with their details, and write actions hidden from a read-only user.
 *
 * <p>What breaks it: the console saving something other than what was typed (a bad value stored as
 * "inherit"), a refused form losing the typed value or answering 200, a release without its confirmation
 * page, another tenant's site, hold or run shown or changed through an id typed into a URL or a
 * hand-made form (checked through tenant B's admin key afterwards).
 */
class ConsoleRetentionJourneysIT {

    /** As the retention page lists them. */
    private static final int RUNS_PER_PAGE = 20;

    @Test
    void aTenantAdminManagesRetentionHoldsAndRunsOfItsOwnTenantOnly() throws Exception {
        try (ConsoleJourney journey = ConsoleJourney.start(Map.of())) {
            ConsoleJourney.Tenant a = journey.a;
            ConsoleJourney.Tenant b = journey.b;
            a.createConsoleUser("admin@a.example", List.of("admin"));
            a.createConsoleUser("reader@a.example", List.of("retention:read", "sites:read"));
            String site = createSite(a, "Rotterdam depot");
            String othersSite = createSite(b, "Depot of B");
            assertThat(b.send("PUT", "/v1/sites/" + othersSite + "/retention", "{\"eventsDays\": 60}")
                            .statusCode())
                    .isEqualTo(200);
            String othersHold = placeHold(b, othersSite, "Litigation of B");
            HttpResponse<String> erased = a.send(
                    "POST", "/v1/erasures", "{\"siteId\": \"" + site + "\", \"reason\": \"A run for the console\"}");
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
            for (int run = 1; run <= RUNS_PER_PAGE; run++) {
                assertThat(a.send(
                                        "POST",
                                        "/v1/erasures",
                                        "{\"siteId\": \"" + site + "\", \"reason\": \"Run " + run + "\"}")
                                .statusCode())
                        .isEqualTo(201);
            }

            ChromeDriver browser = ConsoleBrowser.start();
            try {
                journey.signIn(browser, a, "admin@a.example");
                changeASitesRetentionAndSeeThePreview(browser, journey.base, a, site);
                aBadValueIsRefusedAndChangesNothing(browser, a, site);
                setTheTenantsDefault(browser, journey.base, a);
                placeAndReleaseAHold(browser, journey.base, a, site);
                seeTheRuns(browser, journey.base);
                anotherTenantsSiteHoldAndRunAreNeitherShownNorChanged(browser, journey.base, b, othersSite, othersHold);
                onAPhone(browser, journey.base, site);
                aReaderIsOfferedNoChanges(browser, journey, site);
            } finally {
                browser.quit();
            }
        }
    }

    private static void changeASitesRetentionAndSeeThePreview(
            ChromeDriver browser, String base, ConsoleJourney.Tenant a, String site) throws Exception {
        browser.get(base + "/console/sites/" + site + "/retention");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Retention of Rotterdam depot");
        assertThat(browser.findElement(By.id("events-source")).getText()).contains("platform", "inherited");
        assertThat(previewRow(browser, "Events").getText()).contains("30 days");
        ConsoleBrowser.screenshot(browser, "30-site-retention");

        WebElement typed = browser.findElement(By.id("site-events"));
        typed.clear();
        typed.sendKeys("7");
        ConsoleJourney.clickAndLoad(browser, By.id("preview-typed"));
        assertThat(browser.findElement(By.id("what-if")).getText()).contains("Not saved yet");
        assertThat(previewRow(browser, "Events").getText()).contains("7 days", "set on this site");
        assertThat(browser.findElement(By.id("events-days")).getText())
                .as("the saved value stands")
                .isEqualTo("30 days");
        assertThat(browser.findElement(By.id("site-events")).getAttribute("value"))
                .as("the typed value is kept")
                .isEqualTo("7");
        assertThat(a.get("/v1/sites/" + site + "/retention").replace(" ", ""))
                .as("a preview saves nothing")
                .doesNotContain("\"own\":7");
        scrollTo(browser, "preview");
        ConsoleBrowser.screenshot(browser, "30a-site-retention-what-if");

        WebElement events = browser.findElement(By.id("site-events"));
        events.clear();
        events.sendKeys("14");
        browser.findElement(By.cssSelector("#site-retention-form button[type=submit]"))
                .click();
        ConsoleJourney.awaitUrlEnd(browser, "/retention?done=saved");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("saved");
        assertThat(browser.findElement(By.id("events-days")).getText()).isEqualTo("14 days");
        assertThat(browser.findElement(By.id("events-source")).getText()).isEqualTo("set on this site");
        assertThat(browser.findElement(By.id("images-source")).getText()).contains("inherited");
        assertThat(previewRow(browser, "Events").getText()).contains("14 days", "set on this site");
        assertThat(previewRow(browser, "Events")
                        .findElement(By.cssSelector(".preview-count"))
                        .getText())
                .isEqualTo("0");
        scrollTo(browser, "preview");
        ConsoleBrowser.screenshot(browser, "31-site-retention-preview");

        String settings = a.get("/v1/sites/" + site + "/retention");
        assertThat(settings.replace(" ", "")).contains("\"own\":14");
        awaitAuditEvent(a, "retention.site-settings.changed");
    }

    private static void aBadValueIsRefusedAndChangesNothing(ChromeDriver browser, ConsoleJourney.Tenant a, String site)
            throws Exception {
        WebElement events = browser.findElement(By.id("site-events"));
        events.clear();
        events.sendKeys("5000");
        ConsoleJourney.clickAndLoad(browser, By.cssSelector("#site-retention-form button[type=submit]"));
        assertThat(browser.findElement(By.id("page-error")).getText()).contains("not saved", "3650");
        assertThat(navigationStatus(browser)).isEqualTo(422);
        assertThat(browser.findElement(By.id("site-events")).getAttribute("value"))
                .as("the form keeps what was typed")
                .isEqualTo("5000");
        assertThat(browser.findElement(By.id("events-days")).getText()).isEqualTo("14 days");
        ConsoleBrowser.screenshot(browser, "32-bad-retention-value");

        events = browser.findElement(By.id("site-events"));
        events.clear();
        events.sendKeys("two weeks");
        ConsoleJourney.clickAndLoad(browser, By.cssSelector("#site-retention-form button[type=submit]"));
        assertThat(browser.findElement(By.id("page-error")).getText()).contains("not saved");
        assertThat(navigationStatus(browser)).isEqualTo(400);
        assertThat(a.get("/v1/sites/" + site + "/retention").replace(" ", ""))
                .as("nothing changed")
                .contains("\"own\":14");
    }

    private static void setTheTenantsDefault(ChromeDriver browser, String base, ConsoleJourney.Tenant a)
            throws Exception {
        browser.get(base + "/console/retention");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Retention");
        WebElement images = browser.findElement(By.id("defaults-images"));
        images.clear();
        images.sendKeys("90");
        browser.findElement(By.cssSelector("#defaults-form button[type=submit]"))
                .click();
        ConsoleJourney.awaitUrlEnd(browser, "/console/retention?done=defaults-saved");
        assertThat(browser.findElement(By.id("defaults-images-days")).getText()).isEqualTo("90 days");
        ConsoleBrowser.screenshot(browser, "33-retention");
        assertThat(a.get("/v1/retention/defaults").replace(" ", "")).contains("\"own\":90");
        awaitAuditEvent(a, "retention.tenant-defaults.changed");
    }

    private static void placeAndReleaseAHold(ChromeDriver browser, String base, ConsoleJourney.Tenant a, String site)
            throws Exception {
        browser.get(base + "/console/sites/" + site + "/retention");
        assertThat(browser.findElement(By.id("site-days-help")).getText())
                .as("what an empty field inherits")
                .contains("events 30 days, images 90 days");
        ConsoleJourney.clickAndLoad(browser, By.linkText("Place a legal hold on this site"));
        assertThat(browser.findElement(By.id("hold-id")).getAttribute("value")).isEqualTo(site);
        browser.findElement(By.id("hold-reason")).sendKeys("Incident 7: keep the depot's footage");
        // A date field's typing order follows the browser's locale; its value is ISO whatever the locale.
        browser.executeScript(
                "arguments[0].value = arguments[1]",
                browser.findElement(By.id("hold-ends")),
                LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        browser.findElement(By.cssSelector("#hold-form button[type=submit]")).click();
        ConsoleJourney.awaitUrlEnd(browser, "/console/retention?done=held");
        WebElement row = browser.findElement(By.cssSelector("#holds-table tbody tr"));
        assertThat(row.getText()).contains(site, "Incident 7", "active");
        String holdId = row.getAttribute("data-hold-id");
        assertThat(a.get("/v1/retention/holds/" + holdId).replace(" ", ""))
                .contains("\"active\":true")
                .contains("\"siteId\":\"" + site + "\"");
        scrollTo(browser, "holds");
        ConsoleBrowser.screenshot(browser, "33b-retention-holds");

        browser.get(base + "/console/sites/" + site + "/retention");
        assertThat(browser.findElement(By.id("site-held")).getText()).contains("legal hold");

        browser.get(base + "/console/retention");
        ConsoleJourney.clickAndLoad(
                browser, By.cssSelector("#holds-table tr[data-hold-id='" + holdId + "'] a[href$='/release']"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Release this legal hold?");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Incident 7", site);
        ConsoleBrowser.screenshot(browser, "34-release-confirmation");
        assertThat(a.get("/v1/retention/holds/" + holdId).replace(" ", ""))
                .as("the confirmation page changes nothing")
                .contains("\"active\":true");
        browser.findElement(By.id("confirm-release")).click();
        ConsoleJourney.awaitUrlEnd(browser, "/console/retention?done=released");
        assertThat(browser.findElements(By.cssSelector("#holds-table tr[data-hold-id='" + holdId + "']")))
                .as("no longer among the active holds")
                .isEmpty();
        ConsoleJourney.clickAndLoad(browser, By.id("all-holds"));
        assertThat(browser.findElement(By.cssSelector("#holds-table tr[data-hold-id='" + holdId + "']"))
                        .getText())
                .contains("released");
        assertThat(a.get("/v1/retention/holds/" + holdId).replace(" ", "")).contains("\"active\":false");
        awaitAuditEvent(a, "retention.hold.released");
    }

    /** Newest first, a page at a time: the first erasure is the one on the second page. */
    private static void seeTheRuns(ChromeDriver browser, String base) throws Exception {
        browser.get(base + "/console/retention");
        assertThat(browser.findElements(By.cssSelector("#runs-table tbody tr"))).hasSize(RUNS_PER_PAGE);
        ConsoleJourney.clickAndLoad(browser, By.id("runs-next"));
        assertThat(browser.findElements(By.cssSelector("#runs-table tbody tr"))).hasSize(1);
        assertThat(browser.findElements(By.id("runs-next"))).as("the last page").isEmpty();
        WebElement run = browser.findElement(By.cssSelector("#runs-table tbody tr"));
        assertThat(run.getText()).contains("erasure", "finished");
        ConsoleJourney.clickAndLoad(browser, run.findElement(By.cssSelector("a[href^='/console/retention/runs/']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Erasure of");
        assertThat(browser.findElement(By.id("run-facts")).getText()).contains("A run for the console");
        ConsoleBrowser.screenshot(browser, "35-run");
    }

    private static void anotherTenantsSiteHoldAndRunAreNeitherShownNorChanged(
            ChromeDriver browser, String base, ConsoleJourney.Tenant b, String othersSite, String othersHold)
            throws Exception {
        browser.get(base + "/console/sites/" + othersSite + "/retention");
        assertThat(browser.findElement(By.id("page-error")).getText()).isEqualTo("No such site in this tenant.");
        assertThat(navigationStatus(browser)).isEqualTo(404);
        assertThat(browser.getPageSource()).doesNotContain("Depot of B").doesNotContain("60 days");
        ConsoleBrowser.screenshot(browser, "36-another-tenants-site");

        browser.get(base + "/console/retention/holds/" + othersHold + "/release");
        ConsoleJourney.awaitUrlEnd(browser, "/console/retention?done=no-hold");
        assertThat(browser.getPageSource()).doesNotContain("Litigation of B").doesNotContain(othersSite);

        browser.get(base + "/console/retention/runs/" + UUID.randomUUID());
        ConsoleJourney.awaitUrlEnd(browser, "/console/retention?done=no-run");
        browser.get(base + "/console/retention/runs/not-a-run");
        ConsoleJourney.awaitUrlEnd(browser, "/console/retention?done=no-run");
        browser.get(base + "/console/sites/not-a-site/retention");
        assertThat(navigationStatus(browser)).isEqualTo(404);

        browser.get(base + "/console/retention");
        ConsoleJourney.postForm(
                browser, "/console/sites/" + othersSite + "/retention", Map.of("eventsDays", "1", "imagesDays", "1"));
        ConsoleJourney.awaitUrlEnd(browser, "/console/sites/" + othersSite + "/retention");
        assertThat(browser.findElement(By.id("page-error")).getText()).isEqualTo("No such site in this tenant.");
        assertThat(browser.getPageSource()).doesNotContain("Depot of B");

        browser.get(base + "/console/retention");
        ConsoleJourney.postForm(browser, "/console/retention/holds/" + othersHold + "/release", Map.of());
        ConsoleJourney.awaitUrlEnd(browser, "/console/retention?done=no-hold");

        ConsoleJourney.postForm(
                browser,
                "/console/retention/holds",
                Map.of("target", "site", "id", othersSite, "reason", "A's hold on B's site"));
        ConsoleJourney.awaitUrlEnd(browser, "/console/retention/holds");
        assertThat(browser.findElement(By.id("page-error")).getText()).contains("not placed");
        assertThat(navigationStatus(browser)).isEqualTo(404);

        assertThat(b.get("/v1/sites/" + othersSite + "/retention").replace(" ", ""))
                .as("B's site retention as B set it")
                .contains("\"own\":60")
                .doesNotContain("\"own\":1,");
        assertThat(b.get("/v1/retention/holds/" + othersHold).replace(" ", ""))
                .as("B's hold still active")
                .contains("\"active\":true");
        assertThat(b.get("/v1/retention/holds?state=all")).doesNotContain("A's hold");
    }

    private static void onAPhone(ChromeDriver browser, String base, String site) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("/console/retention", "/console/sites/" + site + "/retention")) {
                browser.get(base + page);
                Long overflow = (Long) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow)
                        .as("no sideways scrolling on a phone: %s", page)
                        .isLessThanOrEqualTo(0L);
            }
            scrollTo(browser, "preview");
            ConsoleBrowser.screenshot(browser, "37-site-retention-on-a-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void aReaderIsOfferedNoChanges(ChromeDriver browser, ConsoleJourney journey, String site)
            throws Exception {
        ConsoleJourney.clickAndLoad(browser, By.cssSelector("form[action='/console/sign-out'] button"));
        journey.signIn(browser, journey.a, "reader@a.example");
        browser.get(journey.base + "/console/retention");
        assertThat(browser.findElement(By.id("defaults-images-days")).getText()).isEqualTo("90 days");
        assertThat(browser.findElements(By.id("defaults-form"))).isEmpty();
        assertThat(browser.findElements(By.id("hold-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href$='/release']"))).isEmpty();
        browser.get(journey.base + "/console/sites/" + site + "/retention");
        assertThat(browser.findElement(By.id("events-days")).getText()).isEqualTo("14 days");
        assertThat(browser.findElements(By.id("site-retention-form"))).isEmpty();
    }

    private static void scrollTo(ChromeDriver browser, String id) {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private static WebElement previewRow(ChromeDriver browser, String kind) {
        return browser.findElements(By.cssSelector("#preview-table tbody tr")).stream()
                .filter(row -> row.getText().startsWith(kind))
                .findFirst()
                .orElseThrow();
    }

    /** The HTTP status of the page the browser shows (Chromium's Navigation Timing). */
    private static long navigationStatus(ChromeDriver browser) {
        return (Long) browser.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    private static void awaitAuditEvent(ConsoleJourney.Tenant tenant, String action) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!tenant.get("/v1/audit/events?limit=1000").contains("\"" + action + "\"")) {
            assertThat(Instant.now()).as("an audit event %s", action).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static String createSite(ConsoleJourney.Tenant tenant, String name) throws Exception {
        HttpResponse<String> created = tenant.send("POST", "/v1/sites", "{\"name\": \"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ConsoleJourney.field(created.body(), "id");
    }

    private static String placeHold(ConsoleJourney.Tenant tenant, String site, String reason) throws Exception {
        HttpResponse<String> placed = tenant.send(
                "POST", "/v1/retention/holds", "{\"siteId\": \"" + site + "\", \"reason\": \"" + reason + "\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return ConsoleJourney.field(placed.body(), "holdId");
    }
}
