package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A tenant admin reads the audit trail in the console, through the platform as ./run starts it on a
 * database of the test's own: browses A's trail page by page (forward and back), changes the page size,
 * opens an event, verifies the trail, downloads the export (A's events, none of B's), and, after an
 * attacker with database access rewrites one of A's events with the guard triggers off, sees the full
 * verification fail at that event. B's events are out of reach by seq, in the list and in the export; bad
 * values in URLs are messages with a 4xx; a user without audit:read is told so. The tampering is looked
 * for with "every event from the start": the checkpointer signs the new head within 30 s, and the default
 * verification does not re-hash events before its checkpoint (docs/audit.md).
 */
class ConsoleAuditJourneysIT {

    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");
    private static final Pattern KEY_CREATED = Pattern.compile("\"action\"\\s*:\\s*\"key\\.created\"");

    @Test
    void aTenantAdminBrowsesVerifiesAndExportsTheTrailAndSeesTampering() throws Exception {
        try (EmptyDatabase database = EmptyDatabase.create("audit");
                ConsoleJourney journey = ConsoleJourney.start(database.environment())) {
            journey.a.createConsoleUser("auditor@a.example", List.of("keys:read", "audit:read"));
            journey.a.createConsoleUser("keys-only@a.example", List.of("keys:read"));
            for (int i = 1; i <= 12; i++) {
                createKey(journey.a, "A key " + i);
            }
            int erased = journey.a
                    .send("POST", "/v1/audit/erasures", "{\"eventSeqs\": [4], \"reason\": \"console journey\"}")
                    .statusCode();
            assertThat(erased).as("erasing A's event 4").isBetween(200, 299);
            for (int i = 1; i <= 30; i++) {
                createKey(journey.b, "B secret project " + i);
            }
            ChromeDriver browser = ConsoleBrowser.start();
            try {
                journey.signIn(browser, journey.a, "auditor@a.example");
                long lastOfA = lastSeq(journey.a);
                long lastOfB = lastSeq(journey.b);
                assertThat(lastOfB).as("B has events A has not").isGreaterThan(lastOfA + 5);
                browse(browser, journey, lastOfA);
                filter(browser, journey);
                openAnEvent(browser, journey);
                badValuesAreMessages(browser, journey);
                anotherTenantsEventsAreOutOfReach(browser, journey, lastOfA, lastOfB);
                verify(browser, journey, "incremental");
                assertThat(browser.findElement(By.id("verification")).getAttribute("data-ok"))
                        .isEqualTo("true");
                assertThat(browser.findElement(By.id("verification")).getText()).contains("intact through seq");
                ConsoleBrowser.screenshot(browser, "42-audit-verified");
                export(browser, journey);

                tamper(database, journey.a.id(), 3);
                verify(browser, journey, "full");
                WebElement failed = browser.findElement(By.id("verification"));
                assertThat(failed.getAttribute("role")).isEqualTo("alert");
                assertThat(failed.getAttribute("data-first-bad-seq"))
                        .as("the tampered event")
                        .isEqualTo("3");
                assertThat(failed.getText()).contains("failed at seq 3").contains("hash-mismatch");
                ConsoleBrowser.screenshot(browser, "43-audit-tampered");

                onAPhone(browser, journey);
                withoutTheScope(browser, journey);
            } finally {
                browser.quit();
            }
        }
    }

    /** Five events a page: forward through every page, back one, and back to the first. */
    private static void browse(ChromeDriver browser, ConsoleJourney journey, long lastOfA) throws Exception {
        browser.get(journey.base + "/console/audit?limit=5");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit trail");
        assertThat(seqsShown(browser)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(browser.findElement(By.cssSelector("#audit-table tr[data-seq='0']"))
                        .getAttribute("data-action"))
                .isEqualTo("audit.chain.started");
        assertThat(browser.findElements(By.id("previous-page"))).isEmpty();
        assertThat(new Select(browser.findElement(By.id("limit")))
                        .getFirstSelectedOption()
                        .getText())
                .as("the page size a URL asked for")
                .isEqualTo("5");
        ConsoleBrowser.screenshot(browser, "40-audit");

        ConsoleJourney.clickAndLoad(browser, By.id("next-page"));
        assertThat(seqsShown(browser)).containsExactly(5L, 6L, 7L, 8L, 9L);
        String secondPage = browser.getCurrentUrl();
        ConsoleJourney.clickAndLoad(browser, By.id("next-page"));
        assertThat(seqsShown(browser)).containsExactly(10L, 11L, 12L, 13L, 14L);
        ConsoleJourney.clickAndLoad(browser, By.id("previous-page"));
        assertThat(browser.getCurrentUrl()).isEqualTo(secondPage);
        assertThat(seqsShown(browser)).containsExactly(5L, 6L, 7L, 8L, 9L);
        browser.navigate().refresh();
        assertThat(seqsShown(browser)).as("a page's URL is the page").containsExactly(5L, 6L, 7L, 8L, 9L);
        List<Long> seen = new java.util.ArrayList<>(seqsShown(browser));
        while (!browser.findElements(By.id("next-page")).isEmpty()) {
            ConsoleJourney.clickAndLoad(browser, By.id("next-page"));
            seen.addAll(seqsShown(browser));
            assertThat(seen.size()).as("paging ends").isLessThanOrEqualTo((int) lastOfA + 1);
        }
        assertThat(seen)
                .as("every page after the second, in order")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(5, lastOfA)
                        .boxed()
                        .toList());
        ConsoleJourney.clickAndLoad(browser, By.id("first-page"));
        assertThat(seqsShown(browser)).containsExactly(0L, 1L, 2L, 3L, 4L);

        new Select(browser.findElement(By.id("limit"))).selectByValue("10");
        ConsoleJourney.clickAndLoad(browser, By.cssSelector("#page-size-form button"));
        ConsoleJourney.awaitUrlContaining(browser, "limit=10");
        assertThat(seqsShown(browser)).hasSize(10);
    }

    /** Only key.created rows, five a page through to the end; a bad "since" is the API's 422, typed values kept. */
    private static void filter(ChromeDriver browser, ConsoleJourney journey) throws Exception {
        long created = KEY_CREATED
                .matcher(journey.a.get("/v1/audit/events?limit=1000"))
                .results()
                .count();
        browser.get(journey.base + "/console/audit?limit=5");
        browser.findElement(By.id("filter-action")).sendKeys("key.created");
        ConsoleJourney.clickAndLoad(browser, By.id("filter-button"));
        assertThat(browser.getCurrentUrl()).contains("limit=5").contains("action=key.created");
        ConsoleBrowser.screenshot(browser, "48-audit-filtered");
        List<String> actions = new java.util.ArrayList<>(actionsShown(browser));
        while (!browser.findElements(By.id("next-page")).isEmpty()) {
            ConsoleJourney.clickAndLoad(browser, By.id("next-page"));
            assertThat(browser.getCurrentUrl()).as("next keeps the filter").contains("action=key.created");
            actions.addAll(actionsShown(browser));
        }
        assertThat(actions).hasSize((int) created).containsOnly("key.created");
        assertThat(browser.findElement(By.id("filter-action")).getAttribute("value"))
                .isEqualTo("key.created");

        browser.findElement(By.id("filter-since")).sendKeys("yesterday");
        ConsoleJourney.clickAndLoad(browser, By.id("filter-button"));
        WebElement error = browser.findElement(By.id("page-error"));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("since").contains("ISO-8601");
        assertThat(browser.findElement(By.id("filter-since")).getAttribute("value"))
                .isEqualTo("yesterday");
        assertThat(browser.findElement(By.id("filter-action")).getAttribute("value"))
                .isEqualTo("key.created");
        assertThat(fetch(browser, browser.getCurrentUrl()).get("status")).hasToString("422");
        ConsoleBrowser.screenshot(browser, "49-audit-filter-refused");
    }

    private static List<String> actionsShown(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-action"))
                .toList();
    }

    private static void openAnEvent(ChromeDriver browser, ConsoleJourney journey) throws Exception {
        browser.findElement(By.id("go-to-seq")).sendKeys("3");
        ConsoleJourney.clickAndLoad(browser, By.cssSelector("#go-to-form button"));
        ConsoleJourney.awaitUrlEnd(browser, "/console/audit/3");
        String api = journey.a.get("/v1/audit/events/3");
        String dl = browser.findElement(By.id("audit-event")).getText();
        assertThat(dl)
                .contains(ConsoleJourney.field(api, "hash"))
                .contains(ConsoleJourney.field(api, "prevHash"))
                .contains(ConsoleJourney.field(api, "actor"))
                .contains(ConsoleJourney.field(api, "action"))
                .contains(ConsoleJourney.field(api, "target"));
        assertThat(browser.findElement(By.id("event-payload")).getText()).startsWith("{");
        assertThat(browser.findElements(By.id("erased"))).isEmpty();
        ConsoleBrowser.screenshot(browser, "41-audit-event");

        ConsoleJourney.clickAndLoad(browser, By.cssSelector("a[rel=next]"));
        ConsoleJourney.awaitUrlEnd(browser, "/console/audit/4");
        assertThat(browser.findElement(By.id("erased")).getText()).contains("Erased");
        assertThat(browser.findElement(By.id("event-payload")).getText()).isEqualTo("Erased.");
        assertThat(browser.findElement(By.id("audit-event")).getText())
                .contains(ConsoleJourney.field(journey.a.get("/v1/audit/events/4"), "payloadHash"));
        ConsoleBrowser.screenshot(browser, "41-audit-event-erased");
        browser.get(journey.base + "/console/audit?limit=10");
        assertThat(browser.findElement(By.cssSelector("#audit-table tr[data-seq='4']"))
                        .getText())
                .contains("payload erased");
    }

    private static void badValuesAreMessages(ChromeDriver browser, ConsoleJourney journey) throws Exception {
        for (String[] bad : new String[][] {
            {"/console/audit?limit=0", "400", "1 to 1000"},
            {"/console/audit?after=not%20a%20cursor", "400", "damaged"},
            {"/console/audit?seq=-4", "400", "whole number"},
            {"/console/audit/abc", "400", "whole number"},
            {"/console/audit/export?from_seq=9&to_seq=2", "400", "at least"},
            {"/console/audit/export?from_seq=x", "400", "whole numbers"}
        }) {
            Map<String, Object> answer = fetch(browser, journey.base + bad[0]);
            assertThat(answer.get("status")).as(bad[0]).hasToString(bad[1]);
            assertThat((String) answer.get("type")).as(bad[0]).startsWith("text/html");
            assertThat((String) answer.get("body"))
                    .as(bad[0])
                    .contains("role=\"alert\"")
                    .contains(bad[2]);
        }
        browser.get(journey.base + "/console/audit?limit=0");
        assertThat(browser.findElement(By.id("page-error")).getText()).contains("1 to 1000");
    }

    private static void anotherTenantsEventsAreOutOfReach(
            ChromeDriver browser, ConsoleJourney journey, long lastOfA, long lastOfB) throws Exception {
        long onlyInB = lastOfB;
        String bEvent = journey.b.get("/v1/audit/events/" + onlyInB);
        Map<String, Object> answer = fetch(browser, journey.base + "/console/audit/" + onlyInB);
        assertThat(answer.get("status")).hasToString("404");
        browser.get(journey.base + "/console/audit/" + onlyInB);
        assertThat(browser.findElement(By.id("page-error")).getText()).contains("No such event in this tenant");
        assertThat(browser.getPageSource())
                .doesNotContain(journey.b.id())
                .doesNotContain(ConsoleJourney.field(bEvent, "hash"))
                .doesNotContain("B secret project");
        ConsoleBrowser.screenshot(browser, "44-audit-another-tenants-event");
        String bThree = journey.b.get("/v1/audit/events/3");
        browser.get(journey.base + "/console/audit/3");
        assertThat(browser.getPageSource())
                .as("seq 3 is A's own event")
                .contains(journey.a.id())
                .doesNotContain(ConsoleJourney.field(bThree, "hash"));
        browser.get(journey.base + "/console/audit?limit=1000");
        assertThat(seqsShown(browser)).hasSize((int) lastOfA + 1);
        assertThat(browser.getPageSource()).doesNotContain(journey.b.id()).doesNotContain("B secret project");
    }

    private static void verify(ChromeDriver browser, ConsoleJourney journey, String mode) throws Exception {
        browser.get(journey.base + "/console/audit");
        if ("full".equals(mode)) {
            browser.findElement(By.id("mode-full")).click();
        }
        ConsoleJourney.clickAndLoad(browser, By.id("verify-button"));
        ConsoleJourney.awaitUrlEnd(browser, "/console/audit/verify");
    }

    private static void export(ChromeDriver browser, ConsoleJourney journey) throws Exception {
        browser.get(journey.base + "/console/audit");
        String href = browser.findElement(By.id("export-form")).getAttribute("action");
        Map<String, Object> file = fetch(browser, href);
        assertThat(file.get("status")).hasToString("200");
        assertThat((String) file.get("type")).startsWith("application/jsonl");
        assertThat((String) file.get("disposition"))
                .startsWith("attachment; filename=\"atc-audit-" + journey.a.id() + "-")
                .endsWith(".jsonl\"");
        assertThat((String) file.get("cache")).isEqualTo("no-store");
        List<String> lines = ((String) file.get("body")).lines().toList();
        assertThat(lines).hasSize((int) lastSeq(journey.a) + 1);
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .contains("\"tenant\":\"" + journey.a.id() + "\"")
                .doesNotContain(journey.b.id())
                .doesNotContain("B secret project"));
        assertThat(lines.get(3))
                .isEqualTo(journey.a.get("/v1/audit/export?from_seq=3&to_seq=3").strip());

        Map<String, Object> range = fetch(browser, journey.base + "/console/audit/export?from_seq=2&to_seq=4");
        assertThat(((String) range.get("body")).lines()).hasSize(3);
        assertThat((String) range.get("disposition")).contains("-seq-2-4.jsonl");
    }

    /** As an attacker with the database could: the guard triggers off, one of A's events rewritten. */
    private static void tamper(EmptyDatabase database, String tenant, long seq) throws Exception {
        try (Connection superuser = DriverManager.getConnection(
                        database.jdbcUrl(),
                        database.server().adminUser(),
                        database.server().adminPassword());
                Statement off = superuser.createStatement();
                PreparedStatement rewrite = superuser.prepareStatement(
                        "update audit.events set action = 'key.tampered' where tenant_id = ?::uuid and seq = ?")) {
            off.execute("set session_replication_role = replica");
            rewrite.setString(1, tenant);
            rewrite.setLong(2, seq);
            assertThat(rewrite.executeUpdate()).isEqualTo(1);
        }
    }

    private static void onAPhone(ChromeDriver browser, ConsoleJourney journey) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("/console/audit?limit=10", "/console/audit/3")) {
                browser.get(journey.base + page);
                Long overflow = (Long) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow)
                        .as("no sideways scrolling on a phone: %s", page)
                        .isLessThanOrEqualTo(0L);
            }
            ConsoleBrowser.screenshot(browser, "45-audit-event-on-a-phone");
            browser.get(journey.base + "/console/audit?limit=10");
            ConsoleBrowser.screenshot(browser, "46-audit-on-a-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void withoutTheScope(ChromeDriver browser, ConsoleJourney journey) throws Exception {
        browser.get(journey.base + "/console/audit");
        ConsoleJourney.clickAndLoad(browser, By.cssSelector("form[action='/console/sign-out'] button"));
        journey.signIn(browser, journey.a, "keys-only@a.example");
        browser.get(journey.base + "/console/audit");
        assertThat(browser.findElement(By.id("page-error")).getText()).contains("audit:read");
        assertThat(browser.findElements(By.id("audit-table"))).isEmpty();
        assertThat(fetch(browser, journey.base + "/console/audit/export").get("status"))
                .hasToString("403");
        assertThat(fetch(browser, journey.base + "/console/audit/1").get("status"))
                .hasToString("403");
        ConsoleBrowser.screenshot(browser, "47-audit-without-the-scope");
    }

    /** The browser's own request, with its cookies: status, headers that matter and body. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(ChromeDriver browser, String url) {
        return (Map<String, Object>) browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'}).then(function (r) {"
                        + " return r.text().then(function (body) { done({status: r.status,"
                        + " type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'),"
                        + " cache: r.headers.get('Cache-Control'), body: body}); }); })"
                        + ".catch(function (e) { done({status: -1, body: String(e)}); });",
                url);
    }

    private static List<Long> seqsShown(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .map(row -> Long.parseLong(row.getAttribute("data-seq")))
                .toList();
    }

    private static long lastSeq(ConsoleJourney.Tenant tenant) throws Exception {
        Matcher seqs = SEQ.matcher(tenant.get("/v1/audit/events?limit=1000"));
        long last = -1;
        while (seqs.find()) {
            last = Math.max(last, Long.parseLong(seqs.group(1)));
        }
        return last;
    }

    private static void createKey(ConsoleJourney.Tenant tenant, String name) throws Exception {
        assertThat(tenant.send("POST", "/v1/keys", "{\"name\": \"" + name + "\", \"scopes\": [\"keys:read\"]}")
                        .statusCode())
                .isEqualTo(201);
    }
}
