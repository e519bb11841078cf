package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * What every console journey shares: the platform as ./run starts it, two tenants onboarded through the
 * gateway with the run's operator token, console users, signing in through the browser, and the
 * display-once dialog's checks (every dismissal refused until acknowledged; the secret gone afterwards).
 */
final class ConsoleJourney implements AutoCloseable {

    static final String PASSWORD = "console journeys correct horse";
    static final List<String> EVERY_SCOPE = List.of(
            "keys:read",
            "keys:write",
            "audit:read",
            "sites:read",
            "sites:write",
            "devices:read",
            "devices:write",
            "events:read",
            "images:read",
            "retention:read",
            "retention:write");

    final LaunchedPlatform platform;
    final Tenant a;
    final Tenant b;
    final String base;

    private ConsoleJourney(LaunchedPlatform platform, Tenant a, Tenant b) {
        this.platform = platform;
        this.a = a;
        this.b = b;
        this.base = "http://localhost:" + platform.gatewayUri("/").getPort();
    }

    /** Starts the platform and onboards tenants A and B, each with its admin key. */
    static ConsoleJourney start(Map<String, String> environment) throws Exception {
        // A test drives the browser far faster than an admin clicks: every page checks the session, which
        // counts against the address's session-check budget (burst 60), and the journeys sign in and out
        // more often than people do (the keyless budget, burst 20), so both get larger bursts unless a test
        // sets its own (ConsoleSignInBudgetIT tests those budgets themselves).
        Map<String, String> settings = new java.util.HashMap<>(environment);
        settings.putIfAbsent("ATC_GATEWAY_RATE_LIMIT_KEYLESS_BURST", "500");
        settings.putIfAbsent("ATC_GATEWAY_RATE_LIMIT_SESSION_CHECK_BURST", "500");
        LaunchedPlatform platform = LaunchedPlatform.start(settings);
        try {
            platform.awaitUp(Duration.ofSeconds(150));
            String operator = operatorCredential(platform);
            return new ConsoleJourney(
                    platform,
                    Tenant.onboard(platform, operator, "Console A"),
                    Tenant.onboard(platform, operator, "Console B"));
        } catch (Exception | AssertionError failed) {
            platform.close();
            throw failed;
        }
    }

    @Override
    public void close() throws Exception {
        platform.close();
    }

    /** The summary's operator line follows "ATC platform is up." by a few lines. */
    private static String operatorCredential(LaunchedPlatform platform) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Matcher operator = Pattern.compile("operator  (\\S+)").matcher(platform.output());
            if (operator.find()) {
                return operator.group(1);
            }
            assertThat(Instant.now()).as("the run's operator credential").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Signs {@code email} of {@code tenant} in through the sign-in page; lands on the keys page. */
    void signIn(ChromeDriver browser, Tenant tenant, String email) throws Exception {
        browser.get(base + "/console/sign-in?tenant=" + tenant.id());
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitUrlEnd(browser, "/console/keys");
    }

    /** Sends a hand-made POST form, as a hostile page script or an edited form could, with the page's CSRF token. */
    static void postForm(ChromeDriver browser, String action, Map<String, String> fields) {
        browser.executeScript(
                "var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + " var fields = Object.assign({csrf: document.querySelector('input[name=csrf]').value},"
                        + " arguments[1]);"
                        + " Object.keys(fields).forEach(function (name) { var i = document.createElement('input');"
                        + " i.type = 'hidden'; i.name = name; i.value = fields[name]; f.appendChild(i); });"
                        + " document.body.appendChild(f); f.submit();",
                action,
                fields);
    }

    /** As {@link #dialogOpen}, false while a navigation leaves no document to ask. */
    private static boolean dialogOpenOnceLoaded(ChromeDriver browser) {
        try {
            return dialogOpen(browser);
        } catch (org.openqa.selenium.WebDriverException navigating) {
            return false;
        }
    }

    static boolean dialogOpen(ChromeDriver browser) {
        return (Boolean)
                browser.executeScript("var d = document.getElementById('secret-dialog'); return !!d && d.open;");
    }

    /**
     * The display-once dialog is open and modal with a secret matching {@code shape}, not in the URL, and
     * Done is disabled until ticked; returns the secret.
     */
    static String secretShown(ChromeDriver browser, Pattern shape) {
        // The page with the dialog may still be on its way (the POST that made the secret hashes it first).
        Instant deadline = Instant.now().plusSeconds(10);
        while (!dialogOpenOnceLoaded(browser) && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertThat(dialogOpen(browser))
                .as(() -> "the display-once dialog, on " + browser.getCurrentUrl() + " showing: "
                        + browser.findElement(By.tagName("body")).getText())
                .isTrue();
        assertThat((Boolean) browser.executeScript("return document.getElementById('secret-dialog').matches(':modal')"))
                .as("modal")
                .isTrue();
        String secret = browser.findElement(By.id("secret-value")).getText();
        assertThat(secret).matches(shape);
        assertThat(browser.getCurrentUrl()).doesNotContain(secret);
        assertThat(browser.findElement(By.id("secret-done")).isEnabled())
                .as("Done before ticking")
                .isFalse();
        return secret;
    }

    /** Close, Escape, a click outside and Done unticked are each refused and asked again. */
    static void dismissalsRefused(ChromeDriver browser) throws InterruptedException {
        int before = refusals(browser);
        browser.findElement(By.id("secret-close")).click();
        assertRefused(browser, before + 1, "close button");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        assertRefused(browser, before + 2, "Escape");
        new Actions(browser).moveToLocation(3, 3).click().perform();
        assertRefused(browser, before + 3, "a click outside");
        browser.executeScript("document.getElementById('acknowledge-form').requestSubmit()");
        assertRefused(browser, before + 4, "Done without ticking");
    }

    static void assertRefused(ChromeDriver browser, int refusals, String attempt) throws InterruptedException {
        Thread.sleep(150);
        assertThat(dialogOpen(browser)).as("the dialog after %s", attempt).isTrue();
        assertThat(refusals(browser)).as("asked again after %s", attempt).isEqualTo(refusals);
        assertThat(browser.findElement(By.id("dismiss-refused")).isDisplayed()).isTrue();
    }

    private static int refusals(ChromeDriver browser) {
        String counted = browser.findElement(By.id("secret-dialog")).getAttribute("data-refusals");
        return counted == null ? 0 : Integer.parseInt(counted);
    }

    /**
     * Ticks "I have stored this secret" and presses Done: the page becomes {@code returnPath} and the secret
     * is in neither the page, the storage, the cookies, a reload nor Back and Forward.
     */
    static void acknowledge(ChromeDriver browser, String secret, String returnPath) throws Exception {
        browser.findElement(By.id("secret-stored")).click();
        assertThat(browser.findElement(By.id("secret-done")).isEnabled()).isTrue();
        browser.findElement(By.id("secret-done")).click();
        awaitUrlEnd(browser, returnPath);
        assertThat(browser.getPageSource()).doesNotContain(secret);
        assertThat(browser.findElements(By.id("secret-dialog"))).isEmpty();
        assertThat((String) browser.executeScript(
                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie"))
                .doesNotContain(secret);
        browser.navigate().refresh();
        assertThat(browser.getPageSource()).as("after reload").doesNotContain(secret);
        browser.navigate().back();
        dismissAnyPrompt(browser);
        assertThat(browser.getPageSource()).as("after Back").doesNotContain(secret);
        browser.navigate().forward();
        dismissAnyPrompt(browser);
        assertThat(browser.getPageSource()).as("after Forward").doesNotContain(secret);
    }

    static void dismissAnyPrompt(ChromeDriver browser) {
        try {
            browser.switchTo().alert().accept();
        } catch (NoAlertPresentException none) {
            // nothing asked: the secret's page is not in the history any more
        }
    }

    static void awaitUrlEnd(ChromeDriver browser, String end) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!browser.getCurrentUrl().endsWith(end)) {
            assertThat(Instant.now())
                    .as("%s, still at %s", end, browser.getCurrentUrl())
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Clicks what {@code target} finds and waits until the next page has replaced this one. */
    static void clickAndLoad(ChromeDriver browser, By target) {
        clickAndLoad(browser, browser.findElement(target));
    }

    /**
     * Clicks {@code target} and waits until the next page has replaced this one: an element looked for
     * right after a click could otherwise be the old page's, gone a moment later.
     */
    static void clickAndLoad(ChromeDriver browser, org.openqa.selenium.WebElement target) {
        org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
        target.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ignored -> isGone(page));
    }

    /**
     * Whether {@code element}'s page has been replaced. Asked while a navigation is under way, ChromeDriver
     * may answer "Node with given id does not belong to the document" (an inspector error, not a stale
     * element reference): the node's document is being torn down, which is the same answer.
     */
    static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException inspector) {
            if (String.valueOf(inspector.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw inspector;
        }
    }

    /** Waits (a click's navigation may still be under way) until the URL contains {@code part}. */
    static void awaitUrlContaining(ChromeDriver browser, String part) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!browser.getCurrentUrl().contains(part)) {
            assertThat(Instant.now())
                    .as("a URL with %s, still at %s", part, browser.getCurrentUrl())
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    static String field(String json, String name) {
        Matcher matcher =
                Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A tenant and its admin key, for setting up and checking through the API what the browser did. */
    record Tenant(LaunchedPlatform platform, String id, String adminKey) {

        static Tenant onboard(LaunchedPlatform platform, String operator, String name) throws Exception {
            HttpResponse<String> onboarded = platform.throughGateway(HttpRequest.newBuilder()
                    .uri(platform.gatewayUri("/v1/tenants"))
                    .header("X-Operator-Token", operator)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}")));
            assertThat(onboarded.statusCode()).isEqualTo(201);
            return new Tenant(platform, field(onboarded.body(), "tenantId"), field(onboarded.body(), "key"));
        }

        /** A console user with {@code scopes} and the journeys' password. */
        void createConsoleUser(String email, List<String> scopes) throws Exception {
            String json = "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"scopes\": ["
                    + String.join(
                            ", ", scopes.stream().map(s -> "\"" + s + "\"").toList()) + "]}";
            HttpResponse<String> created = send("POST", "/v1/console/users", json);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        /** A request with the tenant's admin key; {@code json} may be null. */
        HttpResponse<String> send(String method, String path, String json) throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(platform.gatewayUri(path)).header("X-Api-Key", adminKey);
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            return platform.throughGateway(request);
        }

        /** GET with the admin key, asserting 200; the body. */
        String get(String path) throws Exception {
            HttpResponse<String> answer = send("GET", path, null);
            assertThat(answer.statusCode())
                    .as("GET %s: %s", path, answer.body())
                    .isEqualTo(200);
            return answer.body();
        }
    }
}
