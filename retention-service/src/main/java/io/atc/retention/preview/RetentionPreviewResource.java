package io.atc.retention.preview;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.atc.core.retention.RetentionDays;
import io.atc.retention.plan.ProposedDays;
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
                    + " (`siteHeld`) would lose nothing, so its counts are 0. With `eventsDays` or `imagesDays`,"
                    + " counts what the purge would delete if the site's own values were those (a what-if before"
                    + " saving them; `source` is then where the proposed value would come from). Deletes and"
                    + " saves nothing.")
    @APIResponse(
            responseCode = "200",
            description = "What the purge would delete if it ran at `at`",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetentionPreview.class),
                            examples = @ExampleObject(name = "events-expire", value = PreviewExamples.PREVIEW)))
    @APIResponse(responseCode = "404", description = "No such site in the caller's tenant (another tenant's included)")
    @APIResponse(
            responseCode = "422",
            description = "`eventsDays` or `imagesDays` is neither whole days in 1-3650 nor `inherit`")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<RetentionPreview> preview(
            @PathParam("siteId") UUID siteId,
            @Parameter(
                            description =
                                    "What-if: the site's own events retention to count with instead of the saved"
                                            + " one, in days (" + RetentionDays.MIN + "–" + RetentionDays.MAX + "), or"
                                            + " `inherit` for none of its own. Absent or empty: the saved value. Nothing is saved.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            examples = {"7", "inherit"}))
                    @QueryParam("eventsDays")
                    String eventsDays,
            @Parameter(
                            description = "What-if: as `eventsDays`, for images.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            examples = {"30", "inherit"}))
                    @QueryParam("imagesDays")
                    String imagesDays) {
        ProposedDays events = ProposedDays.parse("eventsDays", eventsDays);
        ProposedDays images = ProposedDays.parse("imagesDays", imagesDays);
        return previews.of(caller.id(), siteId, events, images);
    }
}
