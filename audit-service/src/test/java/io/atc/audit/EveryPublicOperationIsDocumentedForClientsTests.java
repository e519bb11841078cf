package io.atc.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.atc.testkit.sweep.ClientDocumentationCheck;
import io.atc.testkit.sweep.ClientDocumentationCheck.Expected;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client generated from the platform's document calls audit-service's operations by the names the
 * design fixed (docs/api, clients/java: AuditApi.listAuditEvents, ...), finds each under the audit tag, and
 * shows its integrator a response (and request) example that parses; the export's, line by line.
 * Breaks when: an operation loses or changes its operationId or tag, a public operation is added without
 * being listed here, or a body or success response has no example, or one that is not JSON.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class EveryPublicOperationIsDocumentedForClientsTests {

    private static final List<Expected> OPERATIONS = List.of(
            new Expected("listAuditEvents", "GET /v1/audit/events", "audit"),
            new Expected("getAuditEvent", "GET /v1/audit/events/{seq}", "audit"),
            new Expected("exportAuditEvents", "GET /v1/audit/export", "audit"),
            new Expected("verifyAuditChain", "POST /v1/audit/verify", "audit"),
            new Expected("eraseAuditPayloads", "POST /v1/audit/erasures", "audit"));

    @Test
    void eachPublicOperationHasItsFixedIdAndOneTag() {
        ClientDocumentationCheck.ofRunningService().assertPublicOperationsAre(OPERATIONS);
    }

    @Test
    void everyJsonBodyAndSuccessResponseHasAnExampleThatParses() {
        ClientDocumentationCheck.ofRunningService().assertEveryBodyHasAnExampleThatParses();
    }
}
