package io.atc.retention.preview;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "What the next purge of the site would delete: counts, bytes, oldest and newest, per kind")
    @RequiresScope(Scope.RETENTION_READ)
    public Uni<RetentionPreview> preview(@PathParam("siteId") UUID siteId) {
        return previews.of(caller.id(), siteId);
    }
}
