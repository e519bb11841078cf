package io.atc.edge.devices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.TransportPolicyApi;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The transport policy is the tenant's own and its admin's alone: a key with devices:write,
 * keys:write or every scope but admin cannot change it, another tenant's admin changes only its
 * own tenant's, and bad input is a 422 naming the field. Each change is audited once, with the
 * policy before and after.
 * Breaks when: the endpoint asks for a lesser scope (checked once with devices:write: the
 * devices:write key got 200 instead of 403) or the policy row is not bound to the caller's tenant.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class OnlyTheTenantsAdminChangesItsTransportPolicyTests {

    @Test
    void keysWithoutAdminCannotChangeThePolicy() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Scoped policy org");

        TransportPolicyApi.put(org.tenantId(), "certificate-only", "devices:write")
                .then()
                .statusCode(403);
        TransportPolicyApi.put(org.tenantId(), "certificate-only", "keys:write")
                .then()
                .statusCode(403);
        TransportPolicyApi.put(
                        org.tenantId(),
                        "certificate-only",
                        "keys:read",
                        "keys:write",
                        "audit:read",
                        "audit:erase",
                        "sites:read",
                        "sites:write",
                        "devices:read",
                        "devices:write",
                        "events:read",
                        "images:read",
                        "retention:read",
                        "retention:write")
                .then()
                .statusCode(403);

        assertThat(TransportPolicyApi.current(org.tenantId())).isEqualTo("password-or-certificate");
    }

    @Test
    void anotherTenantsAdminChangesOnlyItsOwnTenant() {
        SyntheticOrganisation a = SyntheticOrganisations.create(TestDatabase.shared(), "Policy org A");
        SyntheticOrganisation b = SyntheticOrganisations.create(TestDatabase.shared(), "Policy org B");
        RegisteredDevice aDevice = DeviceApi.registerAt(a, 0);
        long aEvents = AuditTrail.eventCount(a.tenantId());

        TransportPolicyApi.set(b.tenantId(), "certificate-only");

        assertThat(TransportPolicyApi.current(a.tenantId())).isEqualTo("password-or-certificate");
        assertThat(TransportPolicyApi.current(b.tenantId())).isEqualTo("certificate-only");
        assertThat(BrokerAdmin.accepts(aDevice)).isTrue();
        assertThat(AuditTrail.eventCount(a.tenantId())).isEqualTo(aEvents);
        assertThat(SyntheticOrganisations.countAsTenant(
                        b.tenantId(),
                        "select count(*) from audit.events where action = 'device.transport-policy.changed'"
                                + " and payload ->> 'from' = 'password-or-certificate'"
                                + " and payload ->> 'to' = 'certificate-only'"))
                .isEqualTo(1);
    }

    @Test
    void badInputIsA422NamingTheField() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Bad policy org");

        TransportPolicyApi.put(org.tenantId(), "password-only", "admin")
                .then()
                .statusCode(422)
                .body(containsString("policy"));
        given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId()))
                .contentType("application/json")
                .body("{}")
                .put(TransportPolicyApi.PATH)
                .then()
                .statusCode(422)
                .body(containsString("policy"));
        assertThat(TransportPolicyApi.current(org.tenantId())).isEqualTo("password-or-certificate");
    }
}
