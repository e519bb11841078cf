package io.atc.edge;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.http.OperableServiceAssertions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service starts on the run's database and answers health, metrics, OpenAPI and problem+json. */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class EdgeBridgeIsOperableTests {

    @Test
    void startsReadyWithMetricsOpenApiAndProblemDetails() {
        OperableServiceAssertions.assertOperable("ATC edge-bridge");
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
