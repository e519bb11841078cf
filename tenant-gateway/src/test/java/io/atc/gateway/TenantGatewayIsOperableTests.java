package io.atc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.http.OperableServiceAssertions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service starts on the run's database and answers health, metrics, OpenAPI and problem+json. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class TenantGatewayIsOperableTests {

    @Test
    void startsReadyWithMetricsOpenApiAndProblemDetails() {
        OperableServiceAssertions.assertOperable("ATC tenant-gateway", "atc_gateway_requests_seconds");
    }

    /**
     * Health, metrics and OpenAPI answer only on the management interface (loopback, its own port); the
     * public port answers 404 for all of /q. Breaks when: quarkus.management.enabled is off (everything
     * under /q is back on the public port, as before issue 16).
     */
    @Test
    void theManagementSurfaceIsOnlyOnTheManagementPort() {
        OperableServiceAssertions.assertManagementOnlyOnItsOwnPort();
    }

    /** Nothing here mutates yet; the first mutating endpoint must come with an EveryMutationAppendsOneAuditEventTests. */
    @Test
    void declaresNoMutatingEndpointWithoutAnAuditTest() {
        assertThat(AuditTrail.declaredMutatingOperations()).isEmpty();
    }
}
