package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The console signs in from its own server, yet each browser spends its own sign-in budget: a client
 * behind the load balancer that hammers the console's sign-in form is refused, while an admin at another
 * address signs in at once. Without the gateway's voucher for the browser's address, carried back by the
 * console, every sign-in would count against the console's one address and the admin would get 429.
 * Checked: with the console not sending the voucher back, the admin's sign-in is refused. An admin already
 * signed in behind the hammering address keeps getting pages: a page's session check spends a budget of
 * its own, not sign-in's.
 */
class ConsoleSignInBudgetIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aClientHammeringSignInDoesNotLockOtherAdminsOut() throws Exception {
        Map<String, String> environment = Map.of(
                // The gateway believes X-Forwarded-For from this machine, as from a load balancer in front.
                "ATC_GATEWAY_TRUSTED_PROXIES", "127.0.0.1/32",
                "ATC_GATEWAY_RATE_LIMIT_KEYLESS_REQUESTS_PER_SECOND", "0.02",
                "ATC_GATEWAY_RATE_LIMIT_KEYLESS_BURST", "10");
        try (ConsoleJourney journey = ConsoleJourney.start(environment)) {
            journey.a.createConsoleUser("admin@a.example", List.of("keys:read"));

            long refused = hammer(journey, "203.0.113.7", 20);
            assertThat(refused)
                    .as("the hammering client is refused past its burst")
                    .isGreaterThanOrEqualTo(10);

            HttpResponse<String> admin = signIn(journey, "198.51.100.9", "admin@a.example", ConsoleJourney.PASSWORD);
            assertThat(admin.statusCode())
                    .as("an admin at another address, right after: %s", admin.body())
                    .isEqualTo(303);
            assertThat(admin.headers().firstValue("Location")).hasValue("/console/keys");
            assertThat(signIn(journey, "203.0.113.7", "admin@a.example", ConsoleJourney.PASSWORD)
                            .statusCode())
                    .as("the hammering address stays refused, even with the right password")
                    .isEqualTo(429);

            String cookies = admin.headers().allValues("Set-Cookie").stream()
                    .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                    .collect(java.util.stream.Collectors.joining("; "));
            HttpResponse<String> page = HTTP.send(
                    HttpRequest.newBuilder(journey.platform.gatewayUri("/console/keys"))
                            .header("X-Forwarded-For", "203.0.113.7")
                            .header("Cookie", cookies)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode())
                    .as("a signed-in admin behind the hammering address still gets pages: session checks have"
                            + " their own budget")
                    .isEqualTo(200);
            assertThat(page.body()).contains("API keys");
        }
    }

    /** {@code attempts} sign-ins with wrong emails at once (no account's own throttle answers); how many got 429. */
    private static long hammer(ConsoleJourney journey, String address, int attempts) throws Exception {
        String[] form = signInForm(journey, address);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int attempt = 0; attempt < attempts; attempt++) {
            sent.add(HTTP.sendAsync(
                    post(journey, address, form, "guess" + attempt + "@a.example", "guess"),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long refused = 0;
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            int status = answer.get().statusCode();
            assertThat(status).isIn(401, 429);
            refused += status == 429 ? 1 : 0;
        }
        return refused;
    }

    private static HttpResponse<String> signIn(ConsoleJourney journey, String address, String email, String password)
            throws Exception {
        return HTTP.send(
                post(journey, address, signInForm(journey, address), email, password),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sign-in form's token (and cookie value) as a browser at {@code address} gets it. */
    private static String[] signInForm(ConsoleJourney journey, String address) throws Exception {
        HttpResponse<String> form = HTTP.send(
                HttpRequest.newBuilder(journey.platform.gatewayUri("/console/sign-in?tenant=" + journey.a.id()))
                        .header("X-Forwarded-For", address)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"form\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as("the sign-in form's token").isTrue();
        return new String[] {token.group(1)};
    }

    private static HttpRequest post(
            ConsoleJourney journey, String address, String[] form, String email, String password) {
        String body = "tenant=" + journey.a.id() + "&email=" + email.replace("@", "%40") + "&password="
                + password.replace(" ", "+") + "&form=" + form[0];
        return HttpRequest.newBuilder(journey.platform.gatewayUri("/console/sign-in"))
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-atc_console_form=" + form[0])
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
