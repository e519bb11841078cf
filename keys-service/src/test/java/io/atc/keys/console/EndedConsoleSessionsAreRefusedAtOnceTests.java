package io.atc.keys.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.core.tenancy.TenantTransactions;
import io.atc.keys.KeysServiceTestResources;
import io.atc.keys.config.ConsoleConfig;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;

/**
 * A console session ends at once, on every replica, when its user signs out (here or everywhere),
 * is disabled, is deleted or gets a new password: the next request with its cookie is refused,
 * long before the cookie would expire. "Another replica" is a second session checker with its own
 * pool and its own copy of the service's beans, sharing only the database and the signing key, as
 * a second pod does. Sessions are stored as the SHA-256 of their id, never the id or the cookie.
 * Breaks when: a session is only a signed cookie (today's main: every "refused" below answers 200),
 * the check trusts a cache or the cookie's scopes, an end skips a session, the id is stored raw,
 * or an admin of another tenant can reach the user (then 200/204 instead of 404).
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class EndedConsoleSessionsAreRefusedAtOnceTests {

    private static final String PASSWORD = "correct horse battery staple";
    private static Pool secondReplicaPool;

    @Inject
    ConsoleConfig config;

    @BeforeAll
    static void secondReplicaPool() {
        secondReplicaPool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(TestDatabase.shared().appConnectOptions())
                .build());
    }

    @AfterAll
    static void closePool() {
        secondReplicaPool.closeAndAwait();
    }

    @Test
    void signingOutEndsTheSessionHereAndOnAnotherReplica() {
        User user = User.create("sign-out");
        Session session = user.signIn();
        ConsoleSessions secondReplica = secondReplica();
        assertThat(session.currentStatus()).isEqualTo(200);
        assertThat(session.checkedBy(secondReplica)).isPresent();
        Session other = user.signIn();

        session.signOut("").then().statusCode(204);

        assertThat(session.currentStatus()).as("this replica").isEqualTo(403);
        assertThat(session.checkedBy(secondReplica)).as("another replica").isEmpty();
        assertThat(session.signOut("").statusCode()).as("signing out twice").isEqualTo(403);
        assertThat(other.currentStatus()).as("the user's other session").isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheUserOnly() {
        User user = User.create("everywhere");
        User colleague = User.create("colleague", user.tenant);
        List<Session> sessions = new ArrayList<>(List.of(user.signIn(), user.signIn(), user.signIn()));
        Session colleagues = colleague.signIn();
        long events = AuditTrail.eventCount(user.tenant);

        sessions.get(0).signOut("?everywhere=true").then().statusCode(204);

        assertThat(AuditTrail.eventCount(user.tenant)).isEqualTo(events + 1);
        ConsoleSessions secondReplica = secondReplica();
        for (Session session : sessions) {
            assertThat(session.currentStatus()).isEqualTo(403);
            assertThat(session.checkedBy(secondReplica)).isEmpty();
        }
        assertThat(colleagues.currentStatus()).isEqualTo(200);
    }

    @Test
    void disablingAUserEndsItsSessionsAtOnceAndEnablingDoesNotRevive() {
        User user = User.create("disabled");
        Session first = user.signIn();
        Session second = user.signIn();
        ConsoleSessions secondReplica = secondReplica();
        assertThat(first.checkedBy(secondReplica)).isPresent();

        given().auth()
                .oauth2(InternalTokens.forTenant(user.tenant))
                .post("/v1/console/users/{id}/disable", user.id)
                .then()
                .statusCode(200)
                .body("disabledAt", org.hamcrest.Matchers.notNullValue());

        assertThat(first.currentStatus()).isEqualTo(403);
        assertThat(second.currentStatus()).isEqualTo(403);
        assertThat(first.checkedBy(secondReplica)).isEmpty();
        assertThat(user.signInResponse(PASSWORD).statusCode()).isEqualTo(401);

        given().auth()
                .oauth2(InternalTokens.forTenant(user.tenant))
                .post("/v1/console/users/{id}/enable", user.id)
                .then()
                .statusCode(200)
                .body("disabledAt", equalTo(null));
        assertThat(first.currentStatus()).as("an ended session stays ended").isEqualTo(403);
        assertThat(user.signIn().currentStatus()).isEqualTo(200);
    }

    @Test
    void deletingAUserEndsItsSessionsAtOnce() {
        User user = User.create("deleted");
        Session session = user.signIn();
        ConsoleSessions secondReplica = secondReplica();

        given().auth()
                .oauth2(InternalTokens.forTenant(user.tenant))
                .delete("/v1/console/users/{id}", user.id)
                .then()
                .statusCode(204);

        assertThat(session.currentStatus()).isEqualTo(403);
        assertThat(session.checkedBy(secondReplica)).isEmpty();
        assertThat(storedSessions(user.tenant, user.id)).isZero();
        assertThat(user.signInResponse(PASSWORD).statusCode()).isEqualTo(401);
        given().auth()
                .oauth2(InternalTokens.forTenant(user.tenant))
                .delete("/v1/console/users/{id}", user.id)
                .then()
                .statusCode(404);
    }

    @Test
    void aNewPasswordEndsEverySessionAndOnlyTheNewPasswordSignsIn() {
        User user = User.create("password");
        Session session = user.signIn();
        ConsoleSessions secondReplica = secondReplica();
        String newPassword = "a brand new passphrase";

        given().auth()
                .oauth2(InternalTokens.forTenant(user.tenant))
                .contentType("application/json")
                .body(Map.of("password", newPassword))
                .put("/v1/console/users/{id}/password", user.id)
                .then()
                .statusCode(204);

        assertThat(session.currentStatus()).isEqualTo(403);
        assertThat(session.checkedBy(secondReplica)).isEmpty();
        assertThat(user.signInResponse(PASSWORD).statusCode()).isEqualTo(401);
        assertThat(user.signInResponse(newPassword).statusCode()).isEqualTo(201);
    }

    @Test
    void userAdministrationNeedsAdminAndIs404ForAnotherTenantsUser() {
        User user = User.create("victim");
        Session session = user.signIn();
        UUID attacker = SyntheticOrganisations.create(TestDatabase.shared(), "Hostile console org")
                .tenantId();
        String hostile = InternalTokens.forTenant(attacker);
        long events = AuditTrail.eventCount(user.tenant);

        given().auth()
                .oauth2(hostile)
                .post("/v1/console/users/{id}/disable", user.id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(hostile)
                .delete("/v1/console/users/{id}", user.id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(hostile)
                .contentType("application/json")
                .body(Map.of("password", "the attacker's password"))
                .put("/v1/console/users/{id}/password", user.id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(InternalTokens.forTenant(user.tenant, "keys:write"))
                .post("/v1/console/users/{id}/disable", user.id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(InternalTokens.forTenant(user.tenant))
                .contentType("application/json")
                .body(Map.of("password", "short"))
                .put("/v1/console/users/{id}/password", user.id)
                .then()
                .statusCode(422);

        assertThat(session.currentStatus()).isEqualTo(200);
        assertThat(AuditTrail.eventCount(user.tenant)).isEqualTo(events);
        assertThat(user.signInResponse(PASSWORD).statusCode()).isEqualTo(201);
    }

    @Test
    void theDatabaseHoldsOnlyTheHashOfTheSessionId() throws SQLException {
        User user = User.create("hashed");
        Session session = user.signIn();
        String sessionId = session.claims().getString("sid");
        assertThat(Base64.getUrlDecoder().decode(sessionId)).hasSize(32);

        List<String> stored = new ArrayList<>();
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, user.tenant);
            try (PreparedStatement query = app.prepareStatement(
                            "select * from keys.console_sessions where tenant_id = ? and user_id = ?");
                    ResultSet rows = withIds(query, user).executeQuery()) {
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        Object value = rows.getObject(column);
                        stored.add(
                                value instanceof byte[] bytes
                                        ? HexFormat.of().formatHex(bytes)
                                        : String.valueOf(value));
                    }
                }
            }
            app.rollback();
        }
        String joined = String.join(" ", stored);
        assertThat(joined)
                .contains(HexFormat.of().formatHex(SessionTokens.hash(sessionId)))
                .doesNotContain(sessionId)
                .doesNotContain(HexFormat.of().formatHex(Base64.getUrlDecoder().decode(sessionId)))
                .doesNotContain(session.cookie);
    }

    @Test
    void anEndedSessionsCookieReplayedWithItsOwnCsrfTokenIsRefused() {
        User user = User.create("replayed");
        Session session = user.signIn();
        Session fresh = user.signIn();
        session.signOut("").then().statusCode(204);

        assertThat(session.signOut("").statusCode())
                .as("the ended cookie and its own CSRF token")
                .isEqualTo(403);
        assertThat(session.signOut("?everywhere=true").statusCode()).isEqualTo(403);
        assertThat(fresh.currentStatus()).as("the replay ended nothing else").isEqualTo(200);
        assertThat(given().auth()
                        .oauth2(InternalTokens.forGateway())
                        .cookie("__Host-atc_session", fresh.cookie + "x")
                        .get("/v1/console/session")
                        .statusCode())
                .isEqualTo(403);
    }

    private ConsoleSessions secondReplica() {
        return new ConsoleSessions(new TenantTransactions(secondReplicaPool), new SessionTokens(config));
    }

    private static long storedSessions(UUID tenant, UUID user) {
        return SyntheticOrganisations.countAsTenant(
                tenant, "select count(*) from keys.console_sessions where tenant_id = ? and user_id = ?", tenant, user);
    }

    private static PreparedStatement withIds(PreparedStatement query, User user) throws SQLException {
        query.setObject(1, user.tenant);
        query.setObject(2, user.id);
        return query;
    }

    private record User(UUID tenant, UUID id, String email) {

        static User create(String name) {
            return create(
                    name,
                    SyntheticOrganisations.create(TestDatabase.shared(), "Sessions " + name)
                            .tenantId());
        }

        static User create(String name, UUID tenant) {
            String email = name + "-" + UUID.randomUUID() + "@example.com";
            String id = given().auth()
                    .oauth2(InternalTokens.forTenant(tenant))
                    .contentType("application/json")
                    .body(Map.of("email", email, "password", PASSWORD, "scopes", List.of("sites:read")))
                    .post("/v1/console/users")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            return new User(tenant, UUID.fromString(id), email);
        }

        Response signInResponse(String password) {
            return ConsoleEmailsDoNotLeakAcrossTenantsTests.signIn(tenant, email, password);
        }

        Session signIn() {
            Response signedIn = signInResponse(PASSWORD);
            signedIn.then().statusCode(201);
            return new Session(signedIn.getCookie("__Host-atc_session"), signedIn.path("csrfToken"));
        }
    }

    private record Session(String cookie, String csrf) {

        int currentStatus() {
            return given().auth()
                    .oauth2(InternalTokens.forGateway())
                    .cookie("__Host-atc_session", cookie)
                    .get("/v1/console/session")
                    .statusCode();
        }

        Response signOut(String query) {
            return given().auth()
                    .oauth2(InternalTokens.forGateway())
                    .cookie("__Host-atc_session", cookie)
                    .header("X-CSRF-Token", csrf)
                    .delete("/v1/console/sessions" + query);
        }

        Optional<ConsoleSessions.Signed> checkedBy(ConsoleSessions replica) {
            return replica.check(cookie, "GET", null).await().atMost(Duration.ofSeconds(10));
        }

        JsonObject claims() {
            String payload = cookie.split("\\.")[1];
            return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        }
    }
}
