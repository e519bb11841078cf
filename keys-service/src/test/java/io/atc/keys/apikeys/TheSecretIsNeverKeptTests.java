package io.atc.keys.apikeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.http.ManagementInterface;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * After a create, rotate, verify (good, bad, revoked) and error cycle, neither the raw key nor
 * its secret part is anywhere: not in any column of the keys table or the audit trail (read as
 * the owner, who sees everything), not in any log line, not in the metrics, not in error bodies.
 * Breaks when: anything logs a request body, a key, or stores more than hash, prefix and fingerprint.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class TheSecretIsNeverKeptTests {

    @Test
    void noRawKeyOrSecretSurvivesAFullLifecycle() throws Exception {
        UUID tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Secret org")
                .tenantId();
        String admin = InternalTokens.forTenant(tenant);
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger.getLogger("").addHandler(capture);
        org.jboss.logging.Logger.getLogger(ApiKeys.class).info("log capture canary");
        List<String> secrets = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try {
            Response created = given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body("{\"name\":\"lifecycle\",\"scopes\":[\"admin\"]}")
                    .post("/v1/keys");
            String first = created.path("key");
            Response rotated = given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body("{\"gracePeriodSeconds\":60}")
                    .post("/v1/keys/{id}/rotate", (String) created.path("apiKey.id"));
            String second = rotated.path("key");
            secrets.addAll(List.of(first, second, secretOf(first), secretOf(second)));

            for (String key : List.of(first, second, first + "x", second.replace('_', '-'))) {
                bodies.add(given().auth()
                        .oauth2(InternalTokens.forGateway())
                        .contentType("application/json")
                        .body(Map.of("key", key))
                        .post("/internal/v1/keys/verify")
                        .asString());
            }
            given().auth()
                    .oauth2(admin)
                    .delete("/v1/keys/{id}", (String) rotated.path("apiKey.id"))
                    .then()
                    .statusCode(204);
            bodies.add(given().auth()
                    .oauth2(InternalTokens.forGateway())
                    .contentType("application/json")
                    .body(Map.of("key", second))
                    .post("/internal/v1/keys/verify")
                    .asString());
            bodies.add(given().auth()
                    .oauth2(InternalTokens.forGateway())
                    .contentType("application/json")
                    .body("{\"key\":\"" + first + "\",")
                    .post("/internal/v1/keys/verify")
                    .asString());
            bodies.add(given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body("{\"name\":\"" + first + "\",\"scopes\":[\"" + first + "\"]}")
                    .post("/v1/keys")
                    .asString());
            bodies.add(ManagementInterface.given().get("/q/metrics").asString());
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }

        assertThat(logged)
                .as("the capture sees the service's log pipeline")
                .anyMatch(line -> line.contains("log capture canary"));
        String stored = everythingStoredFor(tenant);
        for (String secret : secrets) {
            assertThat(stored).as("database").doesNotContain(secret);
            assertThat(logged).as("logs").noneMatch(line -> line.contains(secret));
            assertThat(bodies).as("responses and metrics").noneMatch(body -> body.contains(secret));
        }
        assertThat(stored).contains("$argon2id$");
    }

    private static String secretOf(String key) {
        return key.substring(key.lastIndexOf('_') + 1);
    }

    private static String everythingStoredFor(UUID tenant) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection owner = TestDatabase.shared().connectAsOwner()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, tenant);
            for (String table : List.of("keys.api_keys", "audit.events", "audit.chain_heads")) {
                try (PreparedStatement query =
                                owner.prepareStatement("select row_to_json(t)::text from " + table + " t");
                        ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        all.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
