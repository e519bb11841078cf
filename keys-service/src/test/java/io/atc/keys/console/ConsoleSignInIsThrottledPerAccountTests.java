package io.atc.keys.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Console sign-in is throttled per account (tenant and email), whatever address the attempts come
 * from, without telling whether the account exists: after 5 failures (the default) an account's
 * attempts answer 429 with Retry-After, pay no argon2id and read nothing, until the delay ends; a
 * correct password during the delay is refused too. A made-up account gets exactly the same
 * answers at the same cost; other accounts, and the same email in another tenant, are untouched.
 * The keys-service never sees addresses (the gateway limits each address), so "many addresses" is
 * the same as one here: the throttle's key has none.
 * Breaks when: the throttle is removed or keyed by address (today's main: every attempt is a 401
 * and pays argon2id), it skips unknown accounts (the made-up account's answers differ), a throttled
 * attempt still verifies the password, or parallel attempts slip past the free failures.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class ConsoleSignInIsThrottledPerAccountTests {

    private static final String PASSWORD = "correct horse battery staple";
    private static final int FREE_FAILURES = 5;
    private static UUID tenant;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Throttled console org")
                    .tenantId();
        }
    }

    @Test
    void wrongPasswordsFromManyAddressesAreThrottledAndAnUnknownAccountIsIndistinguishable() {
        String known = createUser(tenant, "known");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";

        Attempts forKnown = failRepeatedly(known);
        Attempts forUnknown = failRepeatedly(unknown);

        for (Attempts attempts : List.of(forKnown, forUnknown)) {
            assertThat(attempts.statuses()).containsExactly(401, 401, 401, 401, 401, 429, 429);
            assertThat(attempts.argon2())
                    .as("a throttled attempt pays no argon2id")
                    .isEqualTo(FREE_FAILURES);
            Response throttled = attempts.responses.get(FREE_FAILURES);
            assertThat(throttled.contentType()).isEqualTo("application/problem+json");
            assertThat(throttled.<String>path("type")).isEqualTo("urn:atc:problem:rate-limited");
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        }
        for (int i = 0; i < forKnown.responses.size(); i++) {
            Response a = forKnown.responses.get(i);
            Response b = forUnknown.responses.get(i);
            assertThat(b.asString()).as("answer %d", i).isEqualTo(a.asString());
            assertThat(headerNames(b)).as("headers %d", i).isEqualTo(headerNames(a));
        }
    }

    @Test
    void aCorrectPasswordDuringTheDelayIsRefusedUntilTheDelayEnds() throws InterruptedException {
        String email = createUser(tenant, "patient");
        for (int i = 0; i < FREE_FAILURES; i++) {
            assertThat(signIn(tenant, email, PASSWORD + "?", "198.51.100." + i).statusCode())
                    .isEqualTo(401);
        }
        double before = argon2();
        Response refused = signIn(tenant, email, PASSWORD, "203.0.113.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(argon2()).isEqualTo(before);

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 200);

        assertThat(signIn(tenant, email, PASSWORD, "203.0.113.7").statusCode()).isEqualTo(201);
        assertThat(signIn(tenant, email, PASSWORD + "?", "203.0.113.7").statusCode())
                .as("a success forgets the failures")
                .isEqualTo(401);
    }

    @Test
    void otherAccountsAndTheSameEmailInAnotherTenantAreUnaffected() {
        String victim = createUser(tenant, "victim");
        String colleague = createUser(tenant, "colleague");
        UUID otherTenant = SyntheticOrganisations.create(TestDatabase.shared(), "Other throttled org")
                .tenantId();
        createUser(otherTenant, victim);
        failRepeatedly(victim);

        assertThat(signIn(tenant, victim, PASSWORD, "192.0.2.1").statusCode()).isEqualTo(429);
        assertThat(signIn(tenant, colleague, PASSWORD, "192.0.2.1").statusCode())
                .isEqualTo(201);
        assertThat(signIn(otherTenant, victim, PASSWORD, "192.0.2.1").statusCode())
                .isEqualTo(201);
    }

    @Test
    void parallelGuessesCannotSlipPastTheFreeFailures() throws Exception {
        String email = createUser(tenant, "parallel");
        double before = argon2();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String address = "10.0." + i + ".1";
                attempts.add(CompletableFuture.supplyAsync(
                        () -> signIn(tenant, email, PASSWORD + "!", address).statusCode(), clients));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> attempt : attempts) {
                statuses.add(attempt.get());
            }
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses.stream().filter(status -> status == 401)).hasSizeLessThanOrEqualTo(FREE_FAILURES);
        } finally {
            clients.shutdownNow();
        }
        assertThat(argon2() - before).isLessThanOrEqualTo(FREE_FAILURES);
    }

    private Attempts failRepeatedly(String email) {
        double before = argon2();
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < FREE_FAILURES + 2; i++) {
            responses.add(signIn(tenant, email, PASSWORD + "-wrong-" + i, "198.51.100." + (10 + i)));
        }
        return new Attempts(responses, argon2() - before);
    }

    private double argon2() {
        return meters.counter("atc.keys.argon2.verifications").count();
    }

    private static Response signIn(UUID tenant, String email, String password, String address) {
        return given().auth()
                .oauth2(InternalTokens.forGateway())
                .header("X-Forwarded-For", address)
                .contentType("application/json")
                .body(Map.of("tenant", tenant.toString(), "email", email, "password", password))
                .post("/v1/console/sessions");
    }

    private static String createUser(UUID tenant, String name) {
        String email = name.contains("@") ? name : name + "-" + UUID.randomUUID() + "@example.com";
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "scopes", List.of("sites:read")))
                .post("/v1/console/users")
                .then()
                .statusCode(201);
        return email;
    }

    private static List<String> headerNames(Response response) {
        return response.getHeaders().asList().stream()
                .map(header -> header.getName())
                .filter(name -> !name.equalsIgnoreCase("Date"))
                .sorted()
                .toList();
    }

    private record Attempts(List<Response> responses, double argon2) {

        List<Integer> statuses() {
            return responses.stream().map(Response::statusCode).toList();
        }
    }
}
