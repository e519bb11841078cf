package io.atc.audit.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.audit.AuditServiceTestResources;
import io.atc.audit.AuditedTenant;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.sweep.HostileText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * An erasure whose subject or reason holds a NUL or a lone surrogate is a 422 invalid-input naming
 * that field (a NUL subject was a 500 with an incident id), and nothing is erased or appended.
 * Breaks when: platform-core's StorableStringsOnly is removed, or its mapper does not name the field.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class TextPostgresCannotStoreIsRefusedNamingTheFieldTests {

    private static final List<HostileText> UNSTORABLE = Arrays.stream(HostileText.values())
            .filter(HostileText::postgresCannotStore).toList();

    @Inject
    TenantTransactions transactions;

    @Test
    void anErasureWithItInItsSubjectOrReasonErasesNothing() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 4);
        for (HostileText hostile : UNSTORABLE) {
            long events = AuditTrail.eventCount(tenant.id());

            assertRefused(given().auth().oauth2(tenant.token()).contentType("application/json")
                    .body("{\"subject\":" + hostile.asJsonString() + ",\"eventSeqs\":[2],\"reason\":\"request\"}")
                    .post("/v1/audit/erasures").then(), "subject");
            assertRefused(given().auth().oauth2(tenant.token()).contentType("application/json")
                    .body("{\"eventSeqs\":[2],\"reason\":" + hostile.asJsonString() + "}")
                    .post("/v1/audit/erasures").then(), "reason");

            assertThat(AuditTrail.eventCount(tenant.id())).as(hostile.name()).isEqualTo(events);
            assertThat(SyntheticOrganisations.countAsTenant(tenant.id(),
                    "select count(*) from audit.events where tombstoned_at is not null")).as(hostile.name()).isZero();
        }
    }

    private static void assertRefused(ValidatableResponse answer, String field) {
        answer.statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:invalid-input"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo("must not contain a NUL character or an unpaired surrogate"));
    }
}
