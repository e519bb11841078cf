package io.atc.edge;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.sweep.HostileInputSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A careless or hostile client puts a NUL, a lone surrogate or a very long string in every text
 * field and parameter of every endpoint this service declares in its OpenAPI document (endpoints
 * added later are swept too): no answer is a 5xx, and what Postgres cannot store is a 4xx naming
 * the field. The sweep reaches existing sites and devices, so their handlers run, not only 404s.
 * Breaks when: platform-core's StorableTextOnly is not registered (the NUL reaches Postgres:
 * 500), or an endpoint stores a text field some other way than through a JSON body or parameter.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class NoInputReachesPostgresAsA500Tests {

    @Test
    void everyTextFieldAndParameterOfEveryEndpointIsSwept() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Swept edge org");
        RegisteredDevice device = DeviceApi.registerAt(org, 0);

        HostileInputSweep.as(InternalTokens.withEveryPermission(org.tenantId()))
                .pathParameter("siteId", device.siteId())
                .pathParameter("deviceId", device.id())
                .run()
                .assertNothingReachedPostgresAsA500(5, 5);
    }
}
