package io.atc.retention;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.PurgeTestResources;
import io.atc.testkit.sweep.ClientDocumentationCheck;
import io.atc.testkit.sweep.ClientDocumentationCheck.Expected;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client generated from the platform's document calls retention-service's operations by the names the
 * design fixed (RetentionApi.getSiteRetention, createErasure, ...), finds each under the one tag
 * {@code retention}, and shows its integrator a request and a response example that parse as JSON.
 * Breaks when: an operation loses or changes its operationId or tag, a public operation is added without
 * being listed here, or a JSON body or success response has no example, or one that is not JSON.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class EveryPublicOperationIsDocumentedForClientsTests {

    private static final List<Expected> OPERATIONS = List.of(
            new Expected("getSiteRetention", "GET /v1/sites/{siteId}/retention", "retention"),
            new Expected("setSiteRetention", "PUT /v1/sites/{siteId}/retention", "retention"),
            new Expected("getRetentionDefaults", "GET /v1/retention/defaults", "retention"),
            new Expected("setRetentionDefaults", "PUT /v1/retention/defaults", "retention"),
            new Expected("previewSiteRetention", "GET /v1/sites/{siteId}/retention/preview", "retention"),
            new Expected("createRetentionHold", "POST /v1/retention/holds", "retention"),
            new Expected("listRetentionHolds", "GET /v1/retention/holds", "retention"),
            new Expected("getRetentionHold", "GET /v1/retention/holds/{holdId}", "retention"),
            new Expected("releaseRetentionHold", "DELETE /v1/retention/holds/{holdId}", "retention"),
            new Expected("listRetentionRuns", "GET /v1/retention/runs", "retention"),
            new Expected("getRetentionRun", "GET /v1/retention/runs/{runId}", "retention"),
            new Expected("createErasure", "POST /v1/erasures", "retention"));

    @Test
    void eachPublicOperationHasItsFixedIdAndTheRetentionTag() {
        ClientDocumentationCheck.ofRunningService().assertPublicOperationsAre(OPERATIONS);
    }

    @Test
    void everyJsonBodyAndSuccessResponseHasAnExampleThatParses() {
        ClientDocumentationCheck.ofRunningService().assertEveryBodyHasAnExampleThatParses();
    }
}
