package io.atc.retention.preview;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/sites/{siteId}/retention/preview")
@Tag(name = "retention")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RetentionPreviewResource {

    private final RetentionPreviews previews;
    private final CallerTenant caller;

    public RetentionPreviewResource(RetentionPreviews previews, CallerTenant caller) {
        this.previews = previews;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "previewSiteRetention",
            summary = "What the next purge of the site would delete: counts, bytes, oldest and newest, per kind",
            description = "Counted now, with the purge's own rules: rows received before each kind's `cutoff`, except"
                    + " those of devices under an active hold (`heldDevices`). A site under an active hold"
                    + " (`siteHeld`) would lose nothing, so its counts are 0. Deletes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "What the purge would delete if it ran at `at`",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetentionPreview.class),
                            examples = @ExampleObject(name = "events-expire", value = PreviewExamples.PREVIEW)))
    @APIResponse(responseCode = "404", description = "No such site in the caller's tenant (another tenant's included)")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<RetentionPreview> preview(@PathParam("siteId") UUID siteId) {
        return previews.of(caller.id(), siteId);
    }
}
