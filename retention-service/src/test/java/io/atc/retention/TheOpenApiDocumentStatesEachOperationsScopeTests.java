package io.atc.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.PurgeTestResources;
import io.atc.testkit.http.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A client reading /q/openapi (the management interface) learns which scope each operation needs, in the
 * description and as {@code x-atc-scope}, both taken from the method's @RequiresScope; releasing a hold
 * and erasing state admin; and every list answers with the same page shape: items and an opaque {@code next} cursor.
 * Breaks when: platform-core's ScopeDocumentation is not registered, or matches operations to the wrong
 * methods (the PUT of a path would carry its GET's read scope), or a list returns a bare array.
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
                .body("paths.'/v1/sites/{siteId}/retention'.get.x-atc-scope", equalTo("retention:read"))
                .body("paths.'/v1/sites/{siteId}/retention'.put.x-atc-scope", equalTo("retention:write"))
                .body("paths.'/v1/retention/defaults'.put.x-atc-scope", equalTo("retention:write"))
                .body("paths.'/v1/sites/{siteId}/retention/preview'.get.x-atc-scope", equalTo("retention:read"))
                .body("paths.'/v1/retention/holds'.post.x-atc-scope", equalTo("retention:write"))
                .body("paths.'/v1/retention/holds/{holdId}'.get.x-atc-scope", equalTo("retention:read"))
                .body("paths.'/v1/retention/holds/{holdId}'.delete.x-atc-scope", equalTo("admin"))
                .body("paths.'/v1/retention/runs'.get.x-atc-scope", equalTo("retention:read"))
                .body("paths.'/v1/erasures'.post.x-atc-scope", equalTo("admin"))
                .body("paths.'/v1/erasures'.post.description", containsString("Requires the `admin` scope"))
                .body(
                        "paths.'/v1/retention/holds'.post.description",
                        containsString("Requires the `retention:write` scope"));
    }

    @Test
    void everyListAnswersWithItemsAndAnOpaqueNextCursor() {
        JsonPath document = ManagementInterface.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String list : new String[] {"/v1/retention/holds", "/v1/retention/runs"}) {
            String ref = document.getString(
                    "paths.'" + list + "'.get.responses.'200'.content.'application/json'.schema.$ref");
            String schema = "components.schemas." + ref.substring(ref.lastIndexOf('/') + 1);
            assertThat(document.getString(schema + ".properties.next.type"))
                    .as(list + " next")
                    .contains("string");
            assertThat(document.getString(schema + ".properties.items.type"))
                    .as(list + " items")
                    .isEqualTo("array");
            assertThat(document.getList("paths.'" + list + "'.get.parameters.name"))
                    .as(list + " parameters")
                    .contains("after", "limit");
        }
    }
}
