package io.atc.edge.history;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * A device's image bytes. Image ids are chosen by devices and unique per device, so the device is
 * part of the address: {@code /v1/sites/{siteId}/images/{imageId}?deviceId=...} (docs/edge.md).
 */
@Path("/v1/sites/{siteId}/images")
@Tag(name = "events")
@Authenticated
public class ImageResource {

    private final Images images;
    private final CallerTenant caller;

    public ImageResource(Images images, CallerTenant caller) {
        this.images = images;
        this.caller = caller;
    }

    /** Where an image of a device at a site is read. */
    static String path(UUID siteId, UUID deviceId, UUID imageId) {
        return "/v1/sites/" + siteId + "/images/" + imageId + "?deviceId=" + deviceId;
    }

    @GET
    @Path("/{imageId}")
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "getSiteImage",
            summary = "Read a device's image: its bytes, with a strong ETag (their SHA-256); a type outside"
                    + " JPEG, PNG, GIF, WebP and AVIF comes as an application/octet-stream attachment")
    @APIResponse(
            responseCode = "200",
            description = "the image's bytes",
            content = @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "the client's If-None-Match already holds this image")
    @APIResponse(
            responseCode = "404",
            description = "No such image of this device at this site for this tenant (another tenant's is also 404)")
    @RequiresScope(Scope.IMAGES_READ)
    public Uni<Response> read(
            @PathParam("siteId") UUID siteId,
            @PathParam("imageId") UUID imageId,
            @Parameter(description = "the device that sent the image (required)", required = true)
                    @QueryParam("deviceId")
                    String deviceId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID device = QueryParameters.requiredUuid("deviceId", deviceId);
        return images.read(caller.current().tenantId(), siteId, device, imageId, ifNoneMatch)
                .map(ImageResource::answer);
    }

    private static Response answer(ImageContent content) {
        StoredImage image = content.image();
        Response.ResponseBuilder answer =
                content.notModified() ? Response.notModified() : servedAs(Response.ok(content.bytes()), image);
        return answer.header(HttpHeaders.ETAG, image.entityTag())
                .header(HttpHeaders.CACHE_CONTROL, "private")
                .build();
    }

    private static Response.ResponseBuilder servedAs(Response.ResponseBuilder answer, StoredImage image) {
        ServedContentType type = ServedContentType.of(image.contentType());
        answer.type(type.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, image.sizeBytes())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
        if (type.attachment()) {
            answer.header("Content-Disposition", "attachment; filename=\"" + image.imageId() + "\"");
        }
        return answer;
    }
}
