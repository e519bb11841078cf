package io.atc.audit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.sweep.HostileInputSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A careless or hostile client puts a NUL, a lone surrogate or a very long string in every text
 * field and parameter of every endpoint this service declares in its OpenAPI document (endpoints
 * added later are swept too): no answer is a 5xx, and what Postgres cannot store is a 4xx naming
 * the field. The swept tenant has events, so reads and erasures find something to work on.
 * Breaks when: platform-core's StorableTextOnly is not registered (a NUL in an erasure's
 * subject reaches Postgres: 500), or an endpoint stores text some other way.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class NoInputReachesPostgresAsA500Tests {

    @Inject
    TenantTransactions transactions;

    @Test
    void everyTextFieldAndParameterOfEveryEndpointIsSwept() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 3);

        HostileInputSweep.as(InternalTokens.withEveryPermission(tenant.id()))
                .pathParameter("seq", 1)
                .run()
                .assertNothingReachedPostgresAsA500(1, 2);
    }
}
