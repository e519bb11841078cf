package io.atc.edge.sites;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/sites")
@Tag(name = "sites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final Sites sites;
    private final CallerTenant caller;

    public SiteResource(Sites sites, CallerTenant caller) {
        this.sites = sites;
        this.caller = caller;
    }

    @POST
    @Operation(
            operationId = "createSite",
            summary = "Create a site",
            description = "A site is a customer location where edge devices are installed; its devices are"
                    + " registered under it. The response's Location header is the new site's address.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "site", value = SiteExamples.DRAFT)))
    @APIResponse(
            responseCode = "201",
            description = "The site, created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Site.class),
                            examples = @ExampleObject(name = "created", value = SiteExamples.SITE)))
    @APIResponse(responseCode = "422", description = "The name is blank or longer than 200 characters")
    @RequiresScope(Scope.SITES_WRITE)
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") SiteDraft draft) {
        return sites.create(caller.current(), draft).map(site -> Response.created(URI.create("/v1/sites/" + site.id()))
                .entity(site)
                .build());
    }

    @GET
    @Operation(
            operationId = "listSites",
            summary = "List the caller's sites, in pages",
            description = "Sites in id order, `limit` per page (1 to 200, default 50). The answer is"
                    + " `{items, next}`: pass `next` unchanged as `after` to read the following page; it is null"
                    + " on the last page.")
    @APIResponse(responseCode = "200", description = "One page of sites")
    @APIResponse(responseCode = "422", description = "`limit` is outside 1 to 200")
    @RequiresScope(Scope.SITES_READ)
    public Uni<Page<Site>> list(
            @Parameter(description = "the `next` cursor of the previous page; absent for the first page")
                    @QueryParam(Page.AFTER)
                    String after,
            @Parameter(description = "how many sites a page holds, 1 to 200")
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 200, message = "must be at most 200")
                    int limit) {
        return sites.list(
                caller.current().tenantId(), PageCursor.BY_ID.decode(after).orElse(null), limit);
    }

    @GET
    @Path("/{siteId}")
    @Operation(operationId = "getSite", summary = "Get one site")
    @APIResponse(
            responseCode = "200",
            description = "The site",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Site.class),
                            examples = @ExampleObject(name = "site", value = SiteExamples.SITE)))
    @APIResponse(responseCode = "404", description = "No such site for this tenant (another tenant's is also 404)")
    @RequiresScope(Scope.SITES_READ)
    public Uni<Site> get(@PathParam("siteId") UUID siteId) {
        return sites.get(caller.current().tenantId(), siteId);
    }

    @PUT
    @Path("/{siteId}")
    @Operation(operationId = "renameSite", summary = "Rename a site")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "rename", value = SiteExamples.RENAME)))
    @APIResponse(
            responseCode = "200",
            description = "The site, renamed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Site.class),
                            examples = @ExampleObject(name = "renamed", value = SiteExamples.RENAMED)))
    @APIResponse(responseCode = "404", description = "No such site for this tenant (another tenant's is also 404)")
    @APIResponse(responseCode = "422", description = "The name is blank or longer than 200 characters")
    @RequiresScope(Scope.SITES_WRITE)
    public Uni<Site> rename(
            @PathParam("siteId") UUID siteId, @Valid @NotNull(message = "a JSON body is required") SiteDraft draft) {
        return sites.rename(caller.current(), siteId, draft);
    }

    @DELETE
    @Path("/{siteId}")
    @Operation(
            operationId = "deleteSite",
            summary = "Delete a site",
            description = "Only a site without devices can be deleted: delete its devices first.")
    @APIResponse(responseCode = "204", description = "The site is deleted")
    @APIResponse(responseCode = "404", description = "No such site for this tenant (another tenant's is also 404)")
    @APIResponse(responseCode = "409", description = "The site still has devices")
    @RequiresScope(Scope.SITES_WRITE)
    public Uni<Response> delete(@PathParam("siteId") UUID siteId) {
        return sites.delete(caller.current(), siteId)
                .map(done -> Response.noContent().build());
    }
}
