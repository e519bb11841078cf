package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;

/**
 * A tenant admin manages sites and devices in a real browser (Debian's Chromium, headless), against the
 * platform as ./run starts it: every page and action through the gateway's public port, every device
 * secret seen once in the display-once dialog and then proved on the run's broker.
 *
 * <p>What breaks it: a device's MQTT password or generated private key shown anywhere but the dialog,
 * or still in the page, on reload or on Back after acknowledging; the console acting with anything but
 * the user's session (the password would not log in, the certificate would not be the device's); a
 * disabled device still logging in; a revoked certificate still accepted; another tenant's site or
 * device shown or changed through an id typed into a URL or a hand-made form (its name would show, or
 * its password would stop working after a hand-made reset).
 */
class ConsoleSitesJourneysIT {

    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("(?s)-----BEGIN PRIVATE KEY-----\\n.+\\n-----END PRIVATE KEY-----\\s*");

    @Test
    void aTenantAdminManagesSitesAndDevicesAndSeesEachDeviceSecretOnce() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ConsoleJourney journey = ConsoleJourney.start(Map.of())) {
            String email = "sites@a.example";
            journey.a.createConsoleUser(email, List.of("sites:read", "sites:write", "devices:read", "devices:write"));
            Others others = Others.of(journey.b);
            Broker broker = Broker.of(journey.platform.output());

            ChromeDriver browser = ConsoleBrowser.start();
            try {
                journey.signIn(browser, journey.a, email);
                String siteId = createAndRenameASite(browser, journey);
                String sitePath = "/console/sites/" + siteId;

                String password = registerADevice(browser);
                ConsoleJourney.acknowledge(browser, password, sitePath);
                String deviceId = browser.findElement(By.cssSelector("#devices-table tr[data-device-id]"))
                        .getAttribute("data-device-id");
                String device = journey.a.get("/v1/sites/" + siteId + "/devices/" + deviceId);
                String username = ConsoleJourney.field(device, "mqttUsername");
                String eventsTopic = ConsoleJourney.field(device, "eventsTopic");
                assertThat(device).doesNotContain(password);
                assertThat(broker.logsIn(vertx, username, password, eventsTopic))
                        .as("the password from the dialog logs the device in")
                        .isTrue();
                ConsoleBrowser.screenshot(browser, "23-site-with-device");

                ConsoleJourney.clickAndLoad(browser, By.cssSelector("#devices-table a[href$='" + deviceId + "']"));
                String devicePath = sitePath + "/devices/" + deviceId;
                ConsoleJourney.awaitUrlEnd(browser, devicePath);
                ConsoleBrowser.screenshot(browser, "24-device");

                String reset = resetThePassword(browser, devicePath);
                assertThat(reset).isNotEqualTo(password);
                assertThat(broker.logsIn(vertx, username, password, eventsTopic))
                        .as("the old password after the reset")
                        .isFalse();
                assertThat(broker.logsIn(vertx, username, reset, eventsTopic))
                        .as("the new password")
                        .isTrue();

                TestMqttClient.TlsIdentity identity = issueACertificate(browser, devicePath, broker);
                assertThat(broker.logsInWithCertificate(vertx, identity, eventsTopic))
                        .as("the certificate and the private key from the dialog")
                        .isTrue();
                revokeTheCertificates(browser);
                broker.awaitCertificateRefused(vertx, identity);

                disable(browser, journey, siteId, deviceId);
                assertThat(broker.logsIn(vertx, username, reset, eventsTopic))
                        .as("a disabled device's password")
                        .isFalse();
                enable(browser, journey, siteId, deviceId);
                assertThat(broker.logsIn(vertx, username, reset, eventsTopic))
                        .as("enabled again, the password logs in")
                        .isTrue();

                anotherTenantsSiteAndDeviceCannotBeSeenOrTouched(browser, journey, siteId, others, broker, vertx);
                onAPhone(browser, journey.base + sitePath);

                deleteTheDeviceAfterConfirming(browser, journey, siteId, deviceId, sitePath);
                assertThat(broker.logsIn(vertx, username, reset, eventsTopic))
                        .as("a deleted device's password")
                        .isFalse();
                deleteTheSiteAfterConfirming(browser, journey, siteId, sitePath);
            } finally {
                browser.quit();
            }
        } finally {
            vertx.close();
        }
    }

    private static String createAndRenameASite(ChromeDriver browser, ConsoleJourney journey) throws Exception {
        browser.get(journey.base + "/console/sites");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sites and devices");
        ConsoleBrowser.screenshot(browser, "20-sites");
        browser.findElement(By.id("site-name")).sendKeys("Rotterdam depot");
        browser.findElement(By.cssSelector("#create-site-form button[type=submit]"))
                .click();
        ConsoleJourney.awaitUrlEnd(browser, "?done=created");
        Matcher site = Pattern.compile("/console/sites/([0-9a-f-]{36})\\?").matcher(browser.getCurrentUrl());
        assertThat(site.find()).as(browser.getCurrentUrl()).isTrue();
        String siteId = site.group(1);
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Site created");
        assertThat(browser.findElement(By.id("retention-link")).getAttribute("href"))
                .endsWith("/console/sites/" + siteId + "/retention");

        browser.findElement(By.id("site-name")).clear();
        browser.findElement(By.id("site-name")).sendKeys("Rotterdam depot, north gate");
        browser.findElement(By.cssSelector("#rename-site-form button[type=submit]"))
                .click();
        ConsoleJourney.awaitUrlEnd(browser, "?done=renamed");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Rotterdam depot, north gate");
        assertThat(ConsoleJourney.field(journey.a.get("/v1/sites/" + siteId), "name"))
                .isEqualTo("Rotterdam depot, north gate");
        ConsoleBrowser.screenshot(browser, "21-site");

        browser.get(journey.base + "/console/sites");
        assertThat(browser.findElement(By.cssSelector("#sites-table tr[data-site-id='" + siteId + "']"))
                        .getText())
                .contains("Rotterdam depot, north gate");
        browser.findElement(By.cssSelector("#sites-table a[href$='" + siteId + "']"))
                .click();
        ConsoleJourney.awaitUrlEnd(browser, "/console/sites/" + siteId);
        return siteId;
    }

    private static String registerADevice(ChromeDriver browser) throws Exception {
        browser.findElement(By.id("device-name")).sendKeys("Gate camera 1");
        browser.findElement(By.cssSelector("#register-device-form button[type=submit]"))
                .click();
        awaitDialog(browser);
        String password = ConsoleJourney.secretShown(browser, PASSWORD);
        assertThat(browser.findElement(By.id("secret-label")).getText()).startsWith("MQTT password of d-");
        ConsoleBrowser.screenshot(browser, "22-device-password-dialog");
        ConsoleJourney.dismissalsRefused(browser);
        return password;
    }

    private static String resetThePassword(ChromeDriver browser, String devicePath) throws Exception {
        browser.findElement(By.id("reset-password")).click();
        awaitDialog(browser);
        String reset = ConsoleJourney.secretShown(browser, PASSWORD);
        ConsoleJourney.dismissalsRefused(browser);
        ConsoleBrowser.screenshot(browser, "25-password-reset-dialog");
        ConsoleJourney.acknowledge(browser, reset, devicePath);
        return reset;
    }

    /** No CSR: the platform's private key in the dialog, the public chain beside it; returns both. */
    private static TestMqttClient.TlsIdentity issueACertificate(ChromeDriver browser, String devicePath, Broker broker)
            throws Exception {
        browser.findElement(By.id("issue-certificate")).click();
        awaitDialog(browser);
        ConsoleJourney.secretShown(browser, PRIVATE_KEY);
        String privateKey =
                (String) browser.executeScript("return document.getElementById('secret-value').textContent");
        String chain =
                (String) browser.executeScript("return document.getElementById('certificate-chain').textContent");
        assertThat(chain).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
        assertThat(browser.findElement(By.id("certificate-title")).getText()).startsWith("Certificate ");
        ConsoleBrowser.screenshot(browser, "26-certificate-dialog");
        ConsoleJourney.dismissalsRefused(browser);
        ConsoleJourney.acknowledge(browser, privateKey.strip(), devicePath);
        assertThat(browser.getPageSource()).doesNotContain("PRIVATE KEY-----");
        return new TestMqttClient.TlsIdentity(broker.trustedCa(), chain, privateKey);
    }

    private static void revokeTheCertificates(ChromeDriver browser) throws Exception {
        ConsoleJourney.clickAndLoad(browser, By.id("revoke-certificates"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Revoke the certificates of");
        ConsoleBrowser.screenshot(browser, "27-revoke-confirmation");
        browser.findElement(By.id("confirm-action")).click();
        ConsoleJourney.awaitUrlEnd(browser, "?done=revoked");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("revoked");
    }

    private static void disable(ChromeDriver browser, ConsoleJourney journey, String siteId, String deviceId)
            throws Exception {
        browser.findElement(By.id("toggle-enabled")).click();
        ConsoleJourney.awaitUrlEnd(browser, "?done=disabled");
        assertThat(browser.findElement(By.id("device-status")).getText()).isEqualTo("disabled");
        assertThat(enabled(journey.a.get("/v1/sites/" + siteId + "/devices/" + deviceId)))
                .isFalse();
        ConsoleBrowser.screenshot(browser, "28-device-disabled");
    }

    private static void enable(ChromeDriver browser, ConsoleJourney journey, String siteId, String deviceId)
            throws Exception {
        String api = "/v1/sites/" + siteId + "/devices/" + deviceId;
        browser.findElement(By.id("toggle-enabled")).click();
        ConsoleJourney.awaitUrlEnd(browser, "?done=enabled");
        assertThat(browser.findElement(By.id("device-status")).getText()).isEqualTo("enabled");
        assertThat(enabled(journey.a.get(api))).isTrue();
    }

    private static void anotherTenantsSiteAndDeviceCannotBeSeenOrTouched(
            ChromeDriver browser, ConsoleJourney journey, String ownSiteId, Others others, Broker broker, Vertx vertx)
            throws Exception {
        String theirs = "/console/sites/" + others.siteId();
        String theirDevice = theirs + "/devices/" + others.deviceId();
        String theirDeviceUnderOurSite = "/console/sites/" + ownSiteId + "/devices/" + others.deviceId();
        for (String page : List.of(
                theirs,
                theirs + "/delete",
                theirDevice,
                theirDevice + "/delete",
                theirDevice + "/revoke-certificates")) {
            browser.get(journey.base + page);
            ConsoleJourney.awaitUrlEnd(browser, "/console/sites?done=missing");
            assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo("No such site in this tenant.");
            others.absentFrom(browser.getPageSource());
        }
        ConsoleBrowser.screenshot(browser, "29-another-tenants-site");
        browser.get(journey.base + theirDeviceUnderOurSite);
        ConsoleJourney.awaitUrlEnd(browser, "/console/sites/" + ownSiteId + "?done=missing-device");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("No such device in this tenant.");
        others.absentFrom(browser.getPageSource());

        Map<String, Map<String, String>> forms = Map.of(
                theirs + "/rename", Map.of("name", "Taken over"),
                theirs + "/devices", Map.of("name", "Planted device"),
                theirs + "/delete", Map.of(),
                theirDevice + "/rename", Map.of("name", "Taken over"),
                theirDevice + "/enabled", Map.of("enabled", "false"),
                theirDevice + "/password", Map.of(),
                theirDevice + "/certificates", Map.of(),
                theirDevice + "/revoke-certificates", Map.of(),
                theirDevice + "/delete", Map.of(),
                theirDeviceUnderOurSite + "/password", Map.of());
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            browser.executeScript("document.documentElement.setAttribute('data-before-post', '')");
            ConsoleJourney.postForm(browser, form.getKey(), form.getValue());
            awaitAnswer(browser, form.getKey());
            assertThat(browser.getPageSource()).as(form.getKey()).doesNotContain("secret-dialog");
            assertThat(browser.getCurrentUrl()).as(form.getKey()).contains("done=missing");
            others.absentFrom(browser.getPageSource());
        }
        others.unchanged(broker, vertx);
    }

    private static void onAPhone(ChromeDriver browser, String sitePage) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(sitePage);
            Long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
            browser.executeScript("document.getElementById('devices-title').scrollIntoView()");
            ConsoleBrowser.screenshot(browser, "2a-site-on-a-phone");
            ConsoleJourney.clickAndLoad(browser, By.cssSelector("#devices-table a[href*='/devices/']"));
            overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("the device page on a phone").isLessThanOrEqualTo(0L);
            ConsoleBrowser.screenshot(browser, "2b-device-on-a-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void deleteTheDeviceAfterConfirming(
            ChromeDriver browser, ConsoleJourney journey, String siteId, String deviceId, String sitePath)
            throws Exception {
        browser.get(journey.base + sitePath + "/devices/" + deviceId);
        ConsoleJourney.clickAndLoad(browser, By.id("delete-device"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Delete device \"Gate camera 1\"?");
        browser.findElement(By.id("cancel-action")).click();
        ConsoleJourney.awaitUrlEnd(browser, sitePath + "/devices/" + deviceId);
        ConsoleJourney.clickAndLoad(browser, By.id("delete-device"));
        browser.findElement(By.id("confirm-action")).click();
        ConsoleJourney.awaitUrlEnd(browser, sitePath + "?done=device-deleted");
        assertThat(browser.findElements(By.cssSelector("#devices-table tr[data-device-id]")))
                .isEmpty();
        assertThat(journey.a
                        .send("GET", "/v1/sites/" + siteId + "/devices/" + deviceId, null)
                        .statusCode())
                .isEqualTo(404);
    }

    private static void deleteTheSiteAfterConfirming(
            ChromeDriver browser, ConsoleJourney journey, String siteId, String sitePath) throws Exception {
        browser.get(journey.base + sitePath);
        ConsoleJourney.clickAndLoad(browser, By.id("delete-site"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Delete site \"Rotterdam depot, north gate\"?");
        ConsoleBrowser.screenshot(browser, "2c-delete-site-confirmation");
        browser.findElement(By.id("confirm-action")).click();
        ConsoleJourney.awaitUrlEnd(browser, "/console/sites?done=deleted");
        assertThat(browser.findElements(By.cssSelector("#sites-table tr[data-site-id='" + siteId + "']")))
                .isEmpty();
        assertThat(journey.a.send("GET", "/v1/sites/" + siteId, null).statusCode())
                .isEqualTo(404);
    }

    /** The POST's answer, which carries the display-once dialog, has replaced the page that had none. */
    private static void awaitDialog(ChromeDriver browser) {
        assertThat(browser.findElement(By.id("secret-dialog")).isDisplayed()).isTrue();
    }

    /** The answer to a hand-made form has replaced the page that was marked before posting it. */
    private static void awaitAnswer(ChromeDriver browser, String action) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!Boolean.TRUE.equals(browser.executeScript("return document.readyState === 'complete'"
                + " && !document.documentElement.hasAttribute('data-before-post')"))) {
            assertThat(Instant.now()).as("the answer to %s", action).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean enabled(String device) {
        Matcher enabled = Pattern.compile("\"enabled\"\\s*:\\s*(true|false)").matcher(device);
        assertThat(enabled.find()).as(device).isTrue();
        return Boolean.parseBoolean(enabled.group(1));
    }

    /** Tenant B's site and device, made through B's admin key, with the password only B knows. */
    private record Others(
            ConsoleJourney.Tenant tenant,
            String siteId,
            String deviceId,
            String username,
            String password,
            String eventsTopic) {

        static final String SITE = "Antwerp yard of B";
        static final String DEVICE = "Forklift sensor of B";

        static Others of(ConsoleJourney.Tenant b) throws Exception {
            HttpResponse<String> site = b.send("POST", "/v1/sites", "{\"name\": \"" + SITE + "\"}");
            assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
            String siteId = ConsoleJourney.field(site.body(), "id");
            HttpResponse<String> device =
                    b.send("POST", "/v1/sites/" + siteId + "/devices", "{\"name\": \"" + DEVICE + "\"}");
            assertThat(device.statusCode()).as("B's device").isEqualTo(201);
            String body = device.body();
            return new Others(
                    b,
                    siteId,
                    ConsoleJourney.field(body.substring(body.indexOf("\"device\"")), "id"),
                    ConsoleJourney.field(body, "mqttUsername"),
                    ConsoleJourney.field(body, "mqttPassword"),
                    ConsoleJourney.field(body, "eventsTopic"));
        }

        void absentFrom(String page) {
            assertThat(page)
                    .doesNotContain("Antwerp yard")
                    .doesNotContain("Forklift sensor")
                    .doesNotContain(username)
                    .doesNotContain(siteId);
        }

        /** Checked through B's own API and broker login: same names, enabled, its password still the one. */
        void unchanged(Broker broker, Vertx vertx) throws Exception {
            assertThat(ConsoleJourney.field(tenant.get("/v1/sites/" + siteId), "name"))
                    .isEqualTo(SITE);
            String device = tenant.get("/v1/sites/" + siteId + "/devices/" + deviceId);
            assertThat(ConsoleJourney.field(device, "name")).isEqualTo(DEVICE);
            assertThat(enabled(device)).isTrue();
            assertThat(tenant.get("/v1/sites/" + siteId + "/devices")).doesNotContain("Planted device");
            assertThat(broker.logsIn(vertx, username, password, eventsTopic))
                    .as("B's device password was not reset")
                    .isTrue();
        }

        @Override
        public String toString() {
            return "Others[site=" + siteId + ", device=" + deviceId + ", password=***]";
        }
    }

    /** The run's broker, as its summary prints it: the password listener and the device mTLS listener. */
    private record Broker(MqttBroker passwords, String tlsHost, int tlsPort, Path caFile) {

        static Broker of(String summary) {
            Matcher broker = Pattern.compile("broker .* at ([0-9.]+):(\\d+)").matcher(summary);
            assertThat(broker.find()).as("the run prints its broker").isTrue();
            Matcher tls = Pattern.compile("device TLS  ([0-9.]+):(\\d+)").matcher(summary);
            assertThat(tls.find()).as("the run prints its device TLS listener").isTrue();
            Matcher caFile = Pattern.compile("--cafile (\\S+)").matcher(summary);
            assertThat(caFile.find())
                    .as("the run prints the CA file devices trust")
                    .isTrue();
            return new Broker(
                    new MqttBroker(broker.group(1), Integer.parseInt(broker.group(2)), null, null, "run"),
                    tls.group(1),
                    Integer.parseInt(tls.group(2)),
                    Path.of(caFile.group(1)));
        }

        String trustedCa() throws Exception {
            return Files.readString(caFile);
        }

        /** Whether a password login (under the device's own client id) is accepted and may publish its event. */
        boolean logsIn(Vertx vertx, String username, String password, String eventsTopic) {
            try (TestMqttClient device = TestMqttClient.connect(vertx, passwords, username, password, username)) {
                device.publish(eventsTopic, event());
                return true;
            } catch (RuntimeException refused) {
                return false;
            }
        }

        /**
         * Whether the certificate logs in on the mTLS listener. A tenant's first certificate comes with its
         * CA, whose CRL the broker reads on a SIGHUP within about a second, so early refusals are retried.
         */
        boolean logsInWithCertificate(Vertx vertx, TestMqttClient.TlsIdentity identity, String eventsTopic)
                throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(10);
            while (true) {
                try (TestMqttClient device = TestMqttClient.connectTls(vertx, tlsHost, tlsPort, identity)) {
                    device.publish(eventsTopic, event());
                    return true;
                } catch (RuntimeException refused) {
                    if (Instant.now().isAfter(deadline)) {
                        return false;
                    }
                    Thread.sleep(250);
                }
            }
        }

        void awaitCertificateRefused(Vertx vertx, TestMqttClient.TlsIdentity identity) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(10);
            while (true) {
                try (TestMqttClient device = TestMqttClient.connectTls(vertx, tlsHost, tlsPort, identity)) {
                    assertThat(Instant.now())
                            .as("the revoked certificate refused")
                            .isBefore(deadline);
                } catch (RuntimeException refused) {
                    return;
                }
                Thread.sleep(250);
            }
        }

        private static String event() {
            return "{\"event_id\": \"" + UUID.randomUUID() + "\", \"occurred_at\": \"" + Instant.now()
                    + "\", \"type\": \"console.check\"}";
        }
    }
}
