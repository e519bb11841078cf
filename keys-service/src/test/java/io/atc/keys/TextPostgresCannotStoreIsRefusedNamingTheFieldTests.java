package io.atc.keys;

import static io.atc.testkit.sweep.RefusedText.assertRefusedNaming;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.sweep.HostileText;
import io.atc.testkit.sweep.RefusedText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A key, a tenant or a sign-in with a NUL or a lone surrogate in a text field is a 422 invalid-input
 * naming that field (a NUL was a 500 with an incident id; a surrogate was stored as '?'), and
 * nothing is written: no key, no tenant, no audit event.
 * Breaks when: platform-core's StorableTextOnly is removed (seen: 500 for the NUL, 201 for the
 * surrogate) or its mapper answers without naming the field.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class TextPostgresCannotStoreIsRefusedNamingTheFieldTests {

    private static UUID tenant;

    @BeforeAll
    static void tenant() {
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Careless keys admin")
                .tenantId();
    }

    @Test
    void noKeyIsIssuedWithItInItsNameOrScopes() {
        for (HostileText hostile : RefusedText.unstorable()) {
            long keys = SyntheticOrganisations.countAsTenant(tenant, "select count(*) from keys.api_keys");
            long events = AuditTrail.eventCount(tenant);

            assertRefusedNaming(
                    asAdmin()
                            .body("{\"name\":" + hostile.asJsonString() + ",\"scopes\":[\"keys:read\"]}")
                            .post("/v1/keys")
                            .then(),
                    "name");
            assertRefusedNaming(
                    asAdmin()
                            .body("{\"name\":\"CI\",\"scopes\":[\"keys:read\"," + hostile.asJsonString() + "]}")
                            .post("/v1/keys")
                            .then(),
                    "scopes[1]");

            assertThat(SyntheticOrganisations.countAsTenant(tenant, "select count(*) from keys.api_keys"))
                    .as(hostile.name())
                    .isEqualTo(keys);
            assertThat(AuditTrail.eventCount(tenant)).as(hostile.name()).isEqualTo(events);
        }
    }

    @Test
    void noTenantIsCreatedWithItInItsName() throws SQLException {
        for (HostileText hostile : RefusedText.unstorable()) {
            long tenants = tenants();

            assertRefusedNaming(
                    given().auth()
                            .oauth2(InternalTokens.forGateway())
                            .header("X-Operator-Token", KeysServiceTestResources.OPERATOR_TOKEN)
                            .contentType("application/json")
                            .body("{\"name\":" + hostile.asJsonString() + "}")
                            .post("/v1/tenants")
                            .then(),
                    "name");

            assertThat(tenants()).as(hostile.name()).isEqualTo(tenants);
        }
    }

    @Test
    void aSignInWithItInTheEmailIsRefusedBeforeAnyLookup() {
        for (HostileText hostile : RefusedText.unstorable()) {
            assertRefusedNaming(
                    given().auth()
                            .oauth2(InternalTokens.forGateway())
                            .contentType("application/json")
                            .body("{\"email\":" + hostile.asJsonString()
                                    + ",\"password\":\"correct horse battery staple\"}")
                            .post("/v1/console/sessions")
                            .then(),
                    "email");
        }
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(InternalTokens.forTenant(tenant)).contentType("application/json");
    }

    /** Every tenant of the platform, read as the owner: a refused onboarding must leave none behind. */
    private static long tenants() throws SQLException {
        try (Connection owner = TestDatabase.shared().connectAsOwner();
                ResultSet rows = owner.createStatement().executeQuery("select count(*) from tenancy.tenants")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
