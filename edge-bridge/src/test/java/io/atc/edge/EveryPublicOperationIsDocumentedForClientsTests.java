package io.atc.edge;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.sweep.ClientDocumentationCheck;
import io.atc.testkit.sweep.ClientDocumentationCheck.Expected;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client generated from this service's OpenAPI document gets stable method names and API classes:
 * every public operation has the operationId and the one tag the platform's document promises
 * (docs/api, issue 18's table), and every JSON request body and JSON success response shows an
 * example that is JSON of the documented shape.
 * Breaks when: an operation loses or renames its operationId, gets another tag or a second one
 * (the generated client would move or rename its method), a public operation is added without an
 * id, or an example is missing, is not JSON, or names a property its schema does not have.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class EveryPublicOperationIsDocumentedForClientsTests {

    private static final String DEVICE = "/v1/sites/{siteId}/devices/{deviceId}";

    private static final List<Expected> OPERATIONS = List.of(
            new Expected("createSite", "POST /v1/sites", "sites"),
            new Expected("listSites", "GET /v1/sites", "sites"),
            new Expected("getSite", "GET /v1/sites/{siteId}", "sites"),
            new Expected("renameSite", "PUT /v1/sites/{siteId}", "sites"),
            new Expected("deleteSite", "DELETE /v1/sites/{siteId}", "sites"),
            new Expected("registerDevice", "POST /v1/sites/{siteId}/devices", "devices"),
            new Expected("listDevices", "GET /v1/sites/{siteId}/devices", "devices"),
            new Expected("getDevice", "GET " + DEVICE, "devices"),
            new Expected("updateDevice", "PATCH " + DEVICE, "devices"),
            new Expected("deleteDevice", "DELETE " + DEVICE, "devices"),
            new Expected("resetDevicePassword", "POST " + DEVICE + "/password", "devices"),
            new Expected("issueDeviceCertificate", "POST " + DEVICE + "/certificates", "devices"),
            new Expected("revokeDeviceCertificates", "DELETE " + DEVICE + "/certificates", "devices"),
            new Expected("getDeviceTransportPolicy", "GET /v1/devices/transport-policy", "devices"),
            new Expected("setDeviceTransportPolicy", "PUT /v1/devices/transport-policy", "devices"),
            new Expected("listSiteEvents", "GET /v1/sites/{siteId}/events", "events"),
            new Expected("getSiteEvent", "GET /v1/sites/{siteId}/events/{eventId}", "events"),
            new Expected("getSiteImage", "GET /v1/sites/{siteId}/images/{imageId}", "events"));

    @Test
    void eachPublicOperationHasItsIdAndOneTag() {
        ClientDocumentationCheck.ofRunningService().assertPublicOperationsAre(OPERATIONS);
    }

    @Test
    void everyJsonBodyAndSuccessShowsAJsonExampleOfItsSchema() {
        ClientDocumentationCheck.ofRunningService().assertEveryBodyHasAnExampleThatParses();
    }
}
