package io.atc.keys.tenants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * An operator creates a tenant: its row, audit genesis and first admin key (shown once) in one
 * transaction. Only the operator credential (forwarded by the gateway) admits it; the admin key
 * works at once; the operator cannot use tenant endpoints; tenants cannot create tenants.
 * Breaks when: the credential check is skipped or compares against anything but the configured secret.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class TenantOnboardingTests {

    @Test
    void anOperatorCreatesATenantWithItsChainAndFirstAdminKey() {
        Response created = asOperator().body("{\"name\":\"Harbour Logistics\"}").post("/v1/tenants");
        created.then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("name", equalTo("Harbour Logistics"))
                .body("adminKey.key", matchesPattern("atc_test_.*"))
                .body("adminKey.apiKey.scopes", equalTo(java.util.List.of("admin")))
                .body("adminKey.apiKey.createdBy", equalTo("operator"));
        UUID tenant = UUID.fromString(created.path("tenantId"));

        assertThat(AuditTrail.eventCount(tenant)).as("genesis + key.created").isEqualTo(2);
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(Map.of("key", (String) created.path("adminKey.key")))
                .post("/internal/v1/keys/verify")
                .then()
                .body("status", equalTo("active"))
                .body("tenant", equalTo(tenant.toString()));
    }

    /**
     * The device transport policy is agreed at onboarding: stored in the new tenant's row of
     * edge.device_transport_policies (which edge-bridge enforces at the broker) and audited in the
     * same transaction; absent, the tenant has the default and no row; any other value is a 422.
     * Breaks when: onboarding ignores the field (checked once: 201 with no policy row).
     */
    @Test
    void anOperatorAgreesTheDeviceTransportPolicyAtOnboarding() {
        Response created = asOperator()
                .body("{\"name\":\"Certified Logistics\",\"deviceTransport\":\"certificate-only\"}")
                .post("/v1/tenants");
        created.then().statusCode(201).body("deviceTransport", equalTo("certificate-only"));
        UUID tenant = UUID.fromString(created.path("tenantId"));

        assertThat(SyntheticOrganisations.countAsTenant(
                        tenant,
                        "select count(*) from edge.device_transport_policies"
                                + " where tenant_id = ? and policy = 'certificate-only'",
                        tenant))
                .isEqualTo(1);
        assertThat(AuditTrail.eventCount(tenant))
                .as("genesis + key.created + device.transport-policy.changed")
                .isEqualTo(3);
        assertThat(SyntheticOrganisations.countAsTenant(
                        tenant,
                        "select count(*) from audit.events where action = 'device.transport-policy.changed'"
                                + " and actor = 'operator' and payload ->> 'to' = 'certificate-only'"))
                .isEqualTo(1);

        Response plain = asOperator().body("{\"name\":\"Plain Logistics\"}").post("/v1/tenants");
        plain.then().statusCode(201).body("deviceTransport", equalTo("password-or-certificate"));
        UUID plainTenant = UUID.fromString(plain.path("tenantId"));
        assertThat(SyntheticOrganisations.countAsTenant(
                        plainTenant, "select count(*) from edge.device_transport_policies"))
                .isZero();

        asOperator()
                .body("{\"name\":\"Odd Logistics\",\"deviceTransport\":\"password-only\"}")
                .post("/v1/tenants")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("deviceTransport"));
    }

    @Test
    void onlyTheOperatorCredentialCreatesTenants() {
        UUID tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Plain org")
                .tenantId();

        given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post("/v1/tenants")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .header("X-Operator-Token", KeysServiceTestResources.OPERATOR_TOKEN + "x")
                .contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post("/v1/tenants")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .header("X-Operator-Token", KeysServiceTestResources.OPERATOR_TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post("/v1/tenants")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("X-Operator-Token", KeysServiceTestResources.OPERATOR_TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post("/v1/tenants")
                .then()
                .statusCode(401);
        asOperator()
                .body("{\"name\":\"  \"}")
                .post("/v1/tenants")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void theOperatorCannotReadTenantData() {
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .header("X-Operator-Token", KeysServiceTestResources.OPERATOR_TOKEN)
                .get("/v1/keys")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification asOperator() {
        return given().auth()
                .oauth2(InternalTokens.forGateway())
                .header("X-Operator-Token", KeysServiceTestResources.OPERATOR_TOKEN)
                .contentType("application/json");
    }
}
