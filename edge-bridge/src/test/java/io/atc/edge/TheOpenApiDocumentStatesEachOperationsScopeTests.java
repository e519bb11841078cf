package io.atc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.http.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A client reading /q/openapi (the management interface) learns which scope each operation needs, in the description and as
 * {@code x-atc-scope}, both taken from the method's @RequiresScope; and every list answers with the
 * same page shape: items and an opaque {@code next} cursor.
 * Breaks when: platform-core's ScopeDocumentation is not registered, or matches operations to the
 * wrong methods (the write operations of a path would carry its read scope).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class TheOpenApiDocumentStatesEachOperationsScopeTests {

    @Test
    void eachOperationStatesTheScopeItsMethodRequires() {
        ManagementInterface.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/v1/sites'.get.x-atc-scope", equalTo("sites:read"))
                .body("paths.'/v1/sites'.post.x-atc-scope", equalTo("sites:write"))
                .body("paths.'/v1/sites/{siteId}'.delete.x-atc-scope", equalTo("sites:write"))
                .body("paths.'/v1/sites/{siteId}/devices/{deviceId}'.get.x-atc-scope", equalTo("devices:read"))
                .body("paths.'/v1/sites/{siteId}/devices/{deviceId}'.patch.x-atc-scope", equalTo("devices:write"))
                .body(
                        "paths.'/v1/sites/{siteId}/devices/{deviceId}/certificates'.post.x-atc-scope",
                        equalTo("devices:write"))
                .body("paths.'/v1/sites/{siteId}/events'.get.x-atc-scope", equalTo("events:read"))
                .body("paths.'/v1/sites/{siteId}/events/{eventId}'.get.x-atc-scope", equalTo("events:read"))
                .body("paths.'/v1/sites/{siteId}/images/{imageId}'.get.x-atc-scope", equalTo("images:read"))
                .body("paths.'/v1/sites'.get.description", containsString("Requires the `sites:read` scope"))
                .body(
                        "paths.'/v1/sites/{siteId}/devices'.post.description",
                        containsString("Requires the `devices:write` scope"));
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
        for (String list : new String[] {"/v1/sites", "/v1/sites/{siteId}/devices", "/v1/sites/{siteId}/events"}) {
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
