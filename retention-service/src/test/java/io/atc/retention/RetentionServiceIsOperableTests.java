package io.atc.retention;

import org.junit.jupiter.api.Test;

import io.atc.testkit.http.OperableServiceAssertions;
import io.atc.testkit.quarkus.RetentionServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service starts on the run's database and answers health, metrics, OpenAPI and problem+json. */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class RetentionServiceIsOperableTests {

    @Test
    void startsReadyWithMetricsOpenApiAndProblemDetails() {
        OperableServiceAssertions.assertOperable("ATC retention-service");
    }

    /**
     * Health, metrics and OpenAPI answer only on the management interface (loopback, its own port); the
     * API port answers 404 for all of /q. Breaks when: quarkus.management.enabled is off (everything
     * under /q is back on the API port, as before issue 16).
     */
    @Test
    void theManagementSurfaceIsOnlyOnTheManagementPort() {
        OperableServiceAssertions.assertManagementOnlyOnItsOwnPort();
    }
}
