package io.atc.keys.apikeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Revocation and rotation send a NOTIFY on atc_key_changes that arrives when the change commits,
 * and a change that fails sends nothing. Gateways listen on this channel to drop cached keys.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class KeyChangesNotifyEveryGatewayTests {

    @Test
    void revocationAndRotationAreAnnouncedOnCommitOnly() throws Exception {
        UUID tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Notify org")
                .tenantId();
        String admin = InternalTokens.forTenant(tenant);
        String revoked = create(admin);
        String rotated = create(admin);

        try (Connection listener = TestDatabase.shared().connectAsApp();
                Statement listen = listener.createStatement()) {
            listen.execute("listen atc_key_changes");
            given().auth().oauth2(admin).delete("/v1/keys/{id}", revoked).then().statusCode(204);
            given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body("{}")
                    .post("/v1/keys/{id}/rotate", rotated)
                    .then()
                    .statusCode(200);
            given().auth().oauth2(admin).delete("/v1/keys/{id}", revoked).then().statusCode(409);

            List<String> received = drain(listener, 2);
            assertThat(received).hasSize(2);
            assertThat(received.get(0))
                    .contains("\"keyId\":\"" + revoked + "\"")
                    .contains("\"change\":\"revoked\"")
                    .contains("\"tenant\":\"" + tenant + "\"");
            assertThat(received.get(1))
                    .contains("\"keyId\":\"" + rotated + "\"")
                    .contains("\"change\":\"rotated\"");
            assertThat(drain(listener, 1))
                    .as("the failed second revocation announced nothing")
                    .isEmpty();
        }
    }

    private static List<String> drain(Connection listener, int expected) throws Exception {
        List<String> payloads = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 3000;
        while (payloads.size() < expected && System.currentTimeMillis() < deadline) {
            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(200);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    payloads.add(notification.getParameter());
                }
            }
        }
        return payloads;
    }

    private static String create(String admin) {
        return given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{\"name\":\"announced\",\"scopes\":[\"admin\"]}")
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");
    }
}
