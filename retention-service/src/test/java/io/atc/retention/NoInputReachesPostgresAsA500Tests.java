package io.atc.retention;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.RetentionApi;
import io.atc.retention.support.RetentionRows;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.sweep.HostileInputSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A careless or hostile client puts a NUL, a lone surrogate or a very long string in every text field and
 * parameter of every endpoint this service declares in its OpenAPI document (endpoints added later are swept
 * too): no answer is a 5xx, and what Postgres cannot store is a 4xx naming the field. The sweep reaches an
 * existing site, hold and run, so their handlers run, not only 404s.
 * Breaks when: platform-core's StorableTextOnly is not registered (a NUL in a hold's reason reaches
 * Postgres: 500), or an endpoint stores a text field some other way than through a JSON body or parameter.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class NoInputReachesPostgresAsA500Tests {

    @Test
    void everyTextFieldAndParameterOfEveryEndpointIsSwept() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Swept retention org");
        UUID site = org.siteIds().get(0);
        UUID hold = RetentionApi.holdSite(org.tenantId(), site);
        UUID run = RetentionRows.finishedPurge(org.tenantId(), site, Instant.now(), 3);

        HostileInputSweep.as(InternalTokens.withEveryPermission(org.tenantId()))
                .pathParameter("siteId", site)
                .pathParameter("holdId", hold)
                .pathParameter("runId", run)
                .run()
                .assertNothingReachedPostgresAsA500(3, 1);
    }
}
