package io.atc.retention;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.PurgeTestResources;
import io.atc.testkit.http.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client reading /q/openapi (the management interface) learns which scope each operation needs, in
 * the description and as {@code x-atc-scope}, both taken from the method's @RequiresScope.
 * Breaks when: platform-core's ScopeDocumentation is not registered in this service.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class TheOpenApiDocumentStatesEachOperationsScopeTests {

    @Test
    void eachOperationStatesTheScopeItsMethodRequires() {
        ManagementInterface.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/v1/erasures'.post.x-atc-scope", equalTo("admin"))
                .body("paths.'/v1/erasures'.post.description", containsString("Requires the `admin` scope"));
    }
}
