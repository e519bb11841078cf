package io.atc.edge.history;

import static io.atc.edge.history.SiteEventsApiTests.notFound;
import static io.atc.edge.history.SiteEventsApiTests.refusedNaming;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobKeys;
import io.atc.core.blobs.BlobStore;
import io.atc.edge.support.CapturedLog;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * GET /v1/sites/{siteId}/images/{imageId}?deviceId=: the bytes with their content type and length, a
 * strong ETag that is their SHA-256 (If-None-Match: 304), private caching and nosniff; a type a browser
 * could run (SVG, HTML) comes as an opaque attachment; a row whose blob is gone or altered is a 404.
 * Breaks when: the stored content type is served as the device stated it, the ETag is not the bytes'
 * SHA-256, If-None-Match is ignored, or a missing blob surfaces as a 500 (or altered bytes are served).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class SiteImagesApiTests {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5};

    @Inject
    BlobStore blobs;

    private SyntheticOrganisation org;
    private UUID site;
    private UUID device;

    @BeforeEach
    void organisation() {
        org = SyntheticOrganisations.create(TestDatabase.shared(), "Images org");
        site = org.siteIds().get(0);
        device = UUID.randomUUID();
    }

    @Test
    void theBytesComeWithTheirTypeLengthAndSha256AsAStrongEtag() {
        UUID image = HistoryRows.image(blobs, org.tenantId(), site, device, "image/jpeg", JPEG);

        Response answer = read(image, device);

        answer.then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("Content-Length", String.valueOf(JPEG.length))
                .header("ETag", equalTo(etagOf(JPEG)))
                .header("Cache-Control", "private")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", nullValue());
        assertThat(answer.asByteArray()).isEqualTo(JPEG);
        assertThat(answer.headers().getValues("Content-Length")).hasSize(1);
    }

    @Test
    void aClientHoldingTheEtagGetsA304WithoutTheBytes() {
        UUID image = HistoryRows.image(blobs, org.tenantId(), site, device, "image/png", JPEG);
        String etag = etagOf(JPEG);

        for (String held : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            Response answer = given().auth()
                    .oauth2(token())
                    .header("If-None-Match", held)
                    .queryParam("deviceId", device)
                    .get("/v1/sites/{siteId}/images/{imageId}", site, image);
            answer.then().statusCode(304).header("ETag", etag).header("Cache-Control", "private");
            assertThat(answer.asByteArray()).as(held).isEmpty();
        }
        given().auth()
                .oauth2(token())
                .header("If-None-Match", "\"" + "0".repeat(64) + "\"")
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/images/{imageId}", site, image)
                .then()
                .statusCode(200)
                .contentType("image/png");
    }

    @Test
    void onlyRasterTypesAreServedAsStatedTheRestAsOpaqueAttachments() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        for (String hostile : new String[] {"image/svg+xml", "text/html", "image/x-icon", "application/javascript"}) {
            UUID image = HistoryRows.image(blobs, org.tenantId(), site, device, hostile, svg);
            Response answer = read(image, device);
            answer.then()
                    .statusCode(200)
                    .contentType("application/octet-stream")
                    .header("Content-Disposition", "attachment; filename=\"" + image + "\"")
                    .header("X-Content-Type-Options", "nosniff");
            assertThat(answer.asByteArray()).isEqualTo(svg);
        }
        for (String[] stated : new String[][] {
            {"image/webp", "image/webp"},
            {"image/gif", "image/gif"},
            {"IMAGE/PNG", "image/png"},
            {"image/jpeg; q=1", "image/jpeg"},
            {"image/avif", "image/avif"}
        }) {
            UUID image = HistoryRows.image(blobs, org.tenantId(), site, device, stated[0], JPEG);
            read(image, device)
                    .then()
                    .statusCode(200)
                    .contentType(stated[1])
                    .header("Content-Disposition", nullValue());
        }
    }

    @Test
    void aRowWhoseBlobIsGoneOrAlteredIsNotFoundAndWarned() throws IOException {
        UUID gone = HistoryRows.image(blobs, org.tenantId(), site, device, "image/jpeg", JPEG);
        blobs.delete(BlobKeys.image(org.tenantId(), site, device, gone));
        UUID altered = UUID.randomUUID();
        String key = BlobKeys.image(org.tenantId(), site, device, altered);
        blobs.putIfAbsent(key, "not the bytes the row commits to".getBytes(StandardCharsets.UTF_8));
        HistoryRows.imageRow(org.tenantId(), site, device, altered, key, JPEG, "image/jpeg");

        try (CapturedLog log = CapturedLog.of(Images.class)) {
            notFound(read(gone, device).then());
            notFound(read(altered, device).then());
            assertThat(log.lines())
                    .anySatisfy(line -> assertThat(line).contains(gone.toString(), "missing"))
                    .anySatisfy(line -> assertThat(line).contains(altered.toString(), "does not match"))
                    .noneSatisfy(
                            line -> assertThat(line).contains(org.tenantId().toString()));
        }
    }

    @Test
    void theDeviceIsPartOfTheImagesAddress() {
        UUID image = HistoryRows.image(blobs, org.tenantId(), site, device, "image/jpeg", JPEG);

        notFound(read(image, UUID.randomUUID()).then());
        notFound(read(UUID.randomUUID(), device).then());
        refusedNaming(
                given().auth()
                        .oauth2(token())
                        .get("/v1/sites/{siteId}/images/{imageId}", site, image)
                        .then(),
                400,
                "deviceId");
        refusedNaming(
                given().auth()
                        .oauth2(token())
                        .queryParam("deviceId", "nope")
                        .get("/v1/sites/{siteId}/images/{imageId}", site, image)
                        .then(),
                400,
                "deviceId");
    }

    @Test
    void anEventsImageUrlLeadsToItsImage() {
        UUID image = HistoryRows.image(blobs, org.tenantId(), site, device, "image/jpeg", JPEG);
        HistoryRows.event(
                org.tenantId(),
                site,
                device,
                UUID.randomUUID(),
                java.time.OffsetDateTime.parse("2026-03-01T12:00:00Z"),
                "t",
                "{}",
                image);
        String url = given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId(), "events:read"))
                .get("/v1/sites/{siteId}/events", site)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].imageUrl");

        Response answer = given().auth().oauth2(token()).get(url);
        answer.then().statusCode(200).header("ETag", etagOf(JPEG));
        assertThat(answer.asByteArray()).isEqualTo(JPEG);
    }

    @Test
    void readingImagesNeedsTheImagesReadScope() {
        UUID image = HistoryRows.image(blobs, org.tenantId(), site, device, "image/jpeg", JPEG);
        given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId(), "events:read", "sites:read", "devices:read"))
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/images/{imageId}", site, image)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("This key lacks the images:read scope."));
    }

    private Response read(UUID image, UUID byDevice) {
        return given().auth()
                .oauth2(token())
                .queryParam("deviceId", byDevice)
                .get("/v1/sites/{siteId}/images/{imageId}", site, image);
    }

    private String token() {
        return InternalTokens.forTenant(org.tenantId(), "images:read");
    }

    private static String etagOf(byte[] bytes) {
        return "\"" + HexFormat.of().formatHex(HistoryRows.sha256(bytes)) + "\"";
    }
}
