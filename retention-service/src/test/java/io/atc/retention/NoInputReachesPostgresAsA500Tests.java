package io.atc.retention;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.StoredHistory;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.sweep.HostileInputSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A careless or hostile client puts a NUL, a lone surrogate or a very long string in every text
 * field and parameter of every endpoint this service declares in its OpenAPI document (endpoints
 * added later are swept too): no answer is a 5xx, and what Postgres cannot store is a 4xx naming
 * the field. Breaks when: platform-core's StorableTextOnly is not registered here (a NUL in an
 * erasure's reason reaches Postgres: 500).
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class NoInputReachesPostgresAsA500Tests {

    @Inject
    BlobStore blobs;

    @Test
    void everyTextFieldAndParameterOfEveryEndpointIsSwept() {
        StoredHistory history = StoredHistory.newTenant("Swept retention org", blobs);
        history.events(history.site(0), UUID.randomUUID(), 1, Duration.ofDays(1));

        HostileInputSweep.as(InternalTokens.withEveryPermission(history.tenantId()))
                .pathParameter("siteId", history.site(0))
                .run()
                .assertNothingReachedPostgresAsA500(1, 1);
    }
}
