package io.atc.keys.apikeys.verify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.mkammerer.argon2.Argon2Factory;
import io.atc.core.keys.ApiKeyFormat;
import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The gateway's verification: only the gateway may ask; a malformed, foreign or mistyped key is
 * refused before any database or argon2 work; an unknown well-formed key costs one argon2
 * verification like a known one; revoked and expired keys say so; a weaker hash is upgraded on use.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class KeyVerificationTests {

    private static UUID tenant;

    @Inject
    MeterRegistry meters;

    @BeforeAll
    static void tenant() {
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Verification org")
                .tenantId();
    }

    @Test
    void anActiveKeyYieldsItsTenantScopesAndRestrictions() {
        Response created = issue("{\"name\":\"gw\",\"scopes\":[\"sites:write\",\"sites:read\"],"
                + "\"allowedCidrs\":[\"10.1.0.0/16\"],\"allowedOrigins\":[\"https://app.example.com\"]}");

        verify(created.path("key"))
                .then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("tenant", equalTo(tenant.toString()))
                .body("keyId", equalTo(created.path("apiKey.id")))
                .body("scopes", equalTo(List.of("sites:read", "sites:write")))
                .body("allowedCidrs", equalTo(List.of("10.1.0.0/16")))
                .body("allowedOrigins", equalTo(List.of("https://app.example.com")));
    }

    @Test
    void malformedForeignAndMistypedKeysCostNoArgon2() {
        String real = issue("{\"name\":\"typo\",\"scopes\":[\"admin\"]}").path("key");
        String typo = real.substring(0, real.length() - 1) + (real.endsWith("x") ? "y" : "x");
        double before = argon2Verifications();

        for (String presented :
                List.of("nonsense", typo, new ApiKeyFormat("live").generate().raw(), "atc_test_" + "a".repeat(60))) {
            verify(presented)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("unknown"))
                    .body("tenant", nullValue());
        }

        assertThat(argon2Verifications()).isEqualTo(before);
    }

    @Test
    void anUnknownWellFormedKeyCostsOneArgon2VerificationLikeAKnownOne() {
        String known = issue("{\"name\":\"known\",\"scopes\":[\"admin\"]}").path("key");
        String unknown = new ApiKeyFormat("test").generate().raw();

        double before = argon2Verifications();
        verify(unknown).then().body("status", equalTo("unknown"));
        double afterUnknown = argon2Verifications();
        verify(known).then().body("status", equalTo("active"));

        assertThat(afterUnknown - before).isEqualTo(1);
        assertThat(argon2Verifications() - afterUnknown).isEqualTo(1);
    }

    @Test
    void revokedAndExpiredKeysAreReportedAsSuch() throws Exception {
        Response revoked = issue("{\"name\":\"revoked\",\"scopes\":[\"admin\"]}");
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .delete("/v1/keys/{id}", (String) revoked.path("apiKey.id"))
                .then()
                .statusCode(204);
        Response expiring = issue("{\"name\":\"expiring\",\"scopes\":[\"admin\"]}");
        asOwner("update keys.api_keys set expires_at = now() - interval '1 second' where key_id = '"
                + expiring.path("apiKey.id") + "'");

        verify(revoked.path("key")).then().body("status", equalTo("revoked")).body("scopes", nullValue());
        verify(expiring.path("key")).then().body("status", equalTo("expired")).body("scopes", nullValue());
    }

    @Test
    void aHashWeakerThanTodaysParametersIsUpgradedOnUse() throws Exception {
        Response created = issue("{\"name\":\"old hash\",\"scopes\":[\"admin\"]}");
        String raw = created.path("key");
        String id = created.path("apiKey.id");
        String weak =
                Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32).hash(2, 19456, 1, raw.toCharArray());
        asOwner("update keys.api_keys set secret_hash = '" + weak + "' where key_id = '" + id + "'");
        long events = AuditTrail.eventCount(tenant);

        verify(raw).then().body("status", equalTo("active"));

        assertThat(storedHash(id))
                .startsWith("$argon2id$v=19$m=19456,t=" + KeysServiceTestResources.ITERATIONS + ",p=1$");
        assertThat(AuditTrail.eventCount(tenant)).isEqualTo(events + 1);
        verify(raw).then().body("status", equalTo("active"));
    }

    @Test
    void onlyTheGatewayMayVerify() {
        String key = issue("{\"name\":\"x\",\"scopes\":[\"admin\"]}").path("key");
        given().contentType("application/json")
                .body(Map.of("key", key))
                .post("/internal/v1/keys/verify")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(Map.of("key", key))
                .post("/internal/v1/keys/verify")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private double argon2Verifications() {
        return meters.counter("atc.keys.argon2.verifications").count();
    }

    private static Response issue(String body) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(body)
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .response();
    }

    static Response verify(String key) {
        return given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(Map.of("key", key))
                .post("/internal/v1/keys/verify");
    }

    private static void asOwner(String statement) throws Exception {
        try (Connection owner = TestDatabase.shared().connectAsOwner()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, tenant);
            owner.createStatement().execute(statement);
            owner.commit();
        }
    }

    private static String storedHash(String keyId) throws Exception {
        try (Connection owner = TestDatabase.shared().connectAsOwner()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, tenant);
            try (PreparedStatement query =
                    owner.prepareStatement("select secret_hash from keys.api_keys where key_id = ?::uuid")) {
                query.setString(1, keyId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        }
    }
}
