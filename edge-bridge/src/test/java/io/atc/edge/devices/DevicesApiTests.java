package io.atc.edge.devices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The devices API as an integrator sees it: lifecycle, display-once passwords, paging, and problem+json. */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DevicesApiTests {

    private static SyntheticOrganisation tenant;
    private static UUID site;

    @BeforeAll
    static void ownTenant() {
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Devices API tenant");
        site = tenant.siteIds().get(0);
    }

    @Test
    void registrationShowsTheMqttPasswordOnceWithNoStore() {
        Response created = given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"  Gate camera  \"}")
                .post("/v1/sites/{siteId}/devices", site);
        created.then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("device.name", equalTo("Gate camera"))
                .body("device.siteId", equalTo(site.toString()))
                .body("device.enabled", equalTo(true));
        String id = created.path("device.id");
        String password = created.path("mqttPassword");
        assertThat(created.header("Location")).endsWith("/v1/sites/" + site + "/devices/" + id);
        assertThat(created.<String>path("mqttUsername"))
                .isEqualTo("d-" + id)
                .isEqualTo(created.path("device.mqttUsername"));
        assertThat(created.<String>path("device.eventsTopic"))
                .isEqualTo("atc/" + tenant.tenantId() + "/" + site + "/" + id + "/events");
        assertThat(created.<String>path("device.imagesTopic"))
                .isEqualTo("atc/" + tenant.tenantId() + "/" + site + "/" + id + "/images");
        assertThat(password).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");

        String read = given().auth()
                .oauth2(token())
                .get("/v1/sites/{siteId}/devices/{id}", site, id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String listed = given().auth()
                .oauth2(token())
                .queryParam("limit", 200)
                .get("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(read).contains(id).doesNotContain(password).doesNotContain("mqttPassword");
        assertThat(listed).contains(id).doesNotContain(password).doesNotContain("mqttPassword");
    }

    @Test
    void aDeviceCanBeRenamedDisabledEnabledAndDeleted() {
        RegisteredDevice device = DeviceApi.register(tenant.tenantId(), site, DeviceApi.uniqueName("Lifecycle"));

        DeviceApi.patch(device, "{\"name\":\"Renamed\"}")
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("enabled", equalTo(true));
        DeviceApi.patch(device, "{\"enabled\":false}")
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("enabled", equalTo(false));
        DeviceApi.patch(device, "{\"enabled\":true,\"name\":\"Back\"}")
                .then()
                .statusCode(200)
                .body("name", equalTo("Back"))
                .body("enabled", equalTo(true));
        DeviceApi.delete(device).then().statusCode(204);

        given().auth()
                .oauth2(token())
                .get("/v1/sites/{siteId}/devices/{id}", site, device.id())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:not-found"));
        DeviceApi.delete(device).then().statusCode(404);
    }

    @Test
    void aPasswordResetShowsANewPasswordOnceWithNoStore() {
        RegisteredDevice device = DeviceApi.register(tenant.tenantId(), site, DeviceApi.uniqueName("Reset"));

        Response reset =
                given().auth().oauth2(token()).post("/v1/sites/{siteId}/devices/{id}/password", site, device.id());

        reset.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("device.id", equalTo(device.id().toString()))
                .body("mqttUsername", equalTo(device.username()));
        assertThat(reset.<String>path("mqttPassword")).isNotBlank().isNotEqualTo(device.password());
    }

    @Test
    void listingIsPagedInIdOrderAndScopedToTheSite() {
        UUID otherSite = tenant.siteIds().get(1);
        DeviceApi.register(tenant.tenantId(), otherSite, DeviceApi.uniqueName("Paged"));
        DeviceApi.register(tenant.tenantId(), otherSite, DeviceApi.uniqueName("Paged"));
        RegisteredDevice elsewhere = DeviceApi.register(tenant.tenantId(), site, DeviceApi.uniqueName("Elsewhere"));

        String next = given().auth()
                .oauth2(token())
                .queryParam("limit", 1)
                .get("/v1/sites/{siteId}/devices", otherSite)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("next", not(nullValue()))
                .extract()
                .path("next");
        given().auth()
                .oauth2(token())
                .queryParam("limit", 200)
                .queryParam("after", next)
                .get("/v1/sites/{siteId}/devices", otherSite)
                .then()
                .statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(next)))
                .body(
                        "items.id",
                        not(org.hamcrest.Matchers.hasItem(elsewhere.id().toString())))
                .body("items.siteId", org.hamcrest.Matchers.everyItem(equalTo(otherSite.toString())))
                .body("next", nullValue());
    }

    @Test
    void aDuplicateNameInTheSiteIsAConflict() {
        String name = DeviceApi.uniqueName("Twin");
        DeviceApi.register(tenant.tenantId(), site, name);
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\"}")
                .post("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:conflict"));
    }

    @Test
    void anUnknownSiteIsNotFound() {
        UUID unknown = UUID.randomUUID();
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"Nowhere\"}")
                .post("/v1/sites/{siteId}/devices", unknown)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("site"));
        given().auth()
                .oauth2(token())
                .get("/v1/sites/{siteId}/devices", unknown)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidInputIsA422NamingTheField() {
        RegisteredDevice device = DeviceApi.register(tenant.tenantId(), site, DeviceApi.uniqueName("Validated"));
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"  \"}")
                .post("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"" + "x".repeat(201) + "\"}")
                .post("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("name"));
        DeviceApi.patch(device, "{\"name\":\" \"}").then().statusCode(422).body("errors[0].field", equalTo("name"));
        DeviceApi.patch(device, "{}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Nothing to change"));
        given().auth()
                .oauth2(token())
                .queryParam("limit", 0)
                .get("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void malformedRequestsAre4xxProblemsNever500() {
        RegisteredDevice device = DeviceApi.register(tenant.tenantId(), site, DeviceApi.uniqueName("Malformed"));
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":")
                .post("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        DeviceApi.patch(device, "{\"enabled\":[true]}").then().statusCode(400).contentType("application/problem+json");
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .post("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token())
                .contentType("text/plain")
                .body("name=x")
                .post("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token())
                .get("/v1/sites/{siteId}/devices/not-a-uuid", site)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token())
                .get("/v1/sites/not-a-uuid/devices")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void scopesAreEnforced() {
        RegisteredDevice device = DeviceApi.register(tenant.tenantId(), site, DeviceApi.uniqueName("Scoped"));
        String readOnly = InternalTokens.forTenant(tenant.tenantId(), "devices:read");
        given().auth()
                .oauth2(readOnly)
                .get("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(readOnly)
                .contentType("application/json")
                .body("{\"name\":\"No\"}")
                .post("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(readOnly)
                .post("/v1/sites/{siteId}/devices/{id}/password", site, device.id())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant.tenantId(), "sites:write"))
                .get("/v1/sites/{siteId}/devices", site)
                .then()
                .statusCode(403);
        given().get("/v1/sites/{siteId}/devices", site).then().statusCode(401).contentType("application/problem+json");
    }

    private static String token() {
        return InternalTokens.forTenant(tenant.tenantId());
    }
}
