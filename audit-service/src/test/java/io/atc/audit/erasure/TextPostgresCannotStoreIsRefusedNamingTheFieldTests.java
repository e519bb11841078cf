package io.atc.audit.erasure;

import static io.atc.testkit.sweep.RefusedText.assertRefusedNaming;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.audit.AuditServiceTestResources;
import io.atc.audit.AuditedTenant;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.sweep.HostileText;
import io.atc.testkit.sweep.RefusedText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An erasure whose subject or reason holds a NUL or a lone surrogate is a 422 invalid-input naming
 * that field (a NUL subject was a 500 with an incident id), and nothing is erased or appended.
 * Breaks when: platform-core's StorableTextOnly is removed, or its mapper does not name the field.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class TextPostgresCannotStoreIsRefusedNamingTheFieldTests {

    @Inject
    TenantTransactions transactions;

    @Test
    void anErasureWithItInItsSubjectOrReasonErasesNothing() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 4);
        for (HostileText hostile : RefusedText.unstorable()) {
            long events = AuditTrail.eventCount(tenant.id());

            assertRefusedNaming(
                    given().auth()
                            .oauth2(tenant.token())
                            .contentType("application/json")
                            .body("{\"subject\":" + hostile.asJsonString()
                                    + ",\"eventSeqs\":[2],\"reason\":\"request\"}")
                            .post("/v1/audit/erasures")
                            .then(),
                    "subject");
            assertRefusedNaming(
                    given().auth()
                            .oauth2(tenant.token())
                            .contentType("application/json")
                            .body("{\"eventSeqs\":[2],\"reason\":" + hostile.asJsonString() + "}")
                            .post("/v1/audit/erasures")
                            .then(),
                    "reason");

            assertThat(AuditTrail.eventCount(tenant.id())).as(hostile.name()).isEqualTo(events);
            assertThat(SyntheticOrganisations.countAsTenant(
                            tenant.id(), "select count(*) from audit.events where tombstoned_at is not null"))
                    .as(hostile.name())
                    .isZero();
        }
    }
}
