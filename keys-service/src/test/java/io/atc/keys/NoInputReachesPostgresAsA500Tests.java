package io.atc.keys;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.sweep.HostileInputSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A careless or hostile client puts a NUL, a lone surrogate or a very long string in every text
 * field and parameter of every endpoint this service declares in its OpenAPI document (endpoints
 * added later are swept too): no answer is a 5xx, and what Postgres cannot store is a 4xx naming
 * the field. The sweep holds the operator credential and an existing key, so tenant creation and
 * rotation run their handlers, not only their refusals.
 * Breaks when: platform-core's StorableTextOnly is not registered (a NUL in a key's name or a
 * sign-in email reaches Postgres: 500), or an endpoint stores text some other way.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class NoInputReachesPostgresAsA500Tests {

    @Test
    void everyTextFieldAndParameterOfEveryEndpointIsSwept() {
        UUID tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Swept keys org")
                .tenantId();
        String key = given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body("{\"name\":\"Swept\",\"scopes\":[\"keys:read\"]}")
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");

        HostileInputSweep.as(InternalTokens.withEveryPermission(tenant))
                .pathParameter("keyId", key)
                .header("X-Operator-Token", KeysServiceTestResources.OPERATOR_TOKEN)
                .run()
                .assertNothingReachedPostgresAsA500(6, 12);
    }
}
