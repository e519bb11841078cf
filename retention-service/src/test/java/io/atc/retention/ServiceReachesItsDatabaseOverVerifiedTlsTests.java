package io.atc.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.TlsDatabaseTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The running service, set up as production is (ATC_DB_SSL_MODE=verify-full, ATC_DB_SSL_ROOT_CERT),
 * passes its start-up checks and serves requests, and every session its pool holds is encrypted.
 * Breaks when: Quarkus builds the pool without io.atc.core.tenancy.ServicePoolCreator, as it did while
 * that class had two constructors and no {@code @Inject} (the server also accepts plain connections, so
 * only pg_stat_ssl tells).
 */
@QuarkusTest
@QuarkusTestResource(value = TlsDatabaseTestResources.class, restrictToAnnotatedClass = true)
class ServiceReachesItsDatabaseOverVerifiedTlsTests {

    @Test
    void everyPooledSessionIsEncrypted() throws SQLException {
        given().auth()
                .oauth2(InternalTokens.forTenant(UUID.randomUUID(), "retention:read"))
                .get("/v1/retention/runs")
                .then()
                .statusCode(200);

        TestDatabase database = TlsDatabaseTestResources.database();
        try (Connection admin = database.server().connectAsAdmin();
                PreparedStatement sessions = admin.prepareStatement("select count(*), count(*) filter (where s.ssl)"
                        + " from pg_stat_activity a join pg_stat_ssl s on s.pid = a.pid where a.usename = ?")) {
            sessions.setString(1, database.target().retentionUser());
            try (ResultSet counts = sessions.executeQuery()) {
                counts.next();
                assertThat(counts.getLong(1)).as("the service's sessions").isPositive();
                assertThat(counts.getLong(2)).as("encrypted ones").isEqualTo(counts.getLong(1));
            }
        }
    }
}
