package io.atc.retention;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.PurgeTestResources;
import io.atc.testkit.sweep.ScopeSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A key that holds every scope but the one an endpoint needs is refused by that endpoint: 403, naming
 * the scope it lacks, before the endpoint reads its input. Every operation the OpenAPI document says a
 * scope gates is called (endpoints added later are called too).
 * Breaks when: platform-core's ScopeCheck is not registered or lets a caller through, a method's
 * @RequiresScope names another endpoint's scope (an erasure open to retention:write, say), or the document
 * stops stating the scopes.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class EveryScopedEndpointRefusesACallerWithoutItsScopeTests {

    @Test
    void aCallerWithoutTheScopeIsRefusedAtEveryGatedOperation() {
        ScopeSweep.forTenant(UUID.randomUUID()).assertEveryGatedOperationRefusesACallerWithoutItsScope(12);
    }
}
