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
    @Operation(summary = "Create a site")
    @RequiresScope(Scope.SITES_WRITE)
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") SiteDraft draft) {
        return sites.create(caller.current(), draft).map(site -> Response.created(URI.create("/v1/sites/" + site.id()))
                .entity(site)
                .build());
    }

    @GET
    @Operation(summary = "List the caller's sites, in pages")
    @RequiresScope(Scope.SITES_READ)
    public Uni<Page<Site>> list(
            @QueryParam(Page.AFTER) String after,
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
    @Operation(summary = "Get one site")
    @RequiresScope(Scope.SITES_READ)
    public Uni<Site> get(@PathParam("siteId") UUID siteId) {
        return sites.get(caller.current().tenantId(), siteId);
    }

    @PUT
    @Path("/{siteId}")
    @Operation(summary = "Rename a site")
    @RequiresScope(Scope.SITES_WRITE)
    public Uni<Site> rename(
            @PathParam("siteId") UUID siteId, @Valid @NotNull(message = "a JSON body is required") SiteDraft draft) {
        return sites.rename(caller.current(), siteId, draft);
    }

    @DELETE
    @Path("/{siteId}")
    @Operation(summary = "Delete a site")
    @RequiresScope(Scope.SITES_WRITE)
    public Uni<Response> delete(@PathParam("siteId") UUID siteId) {
        return sites.delete(caller.current(), siteId)
                .map(done -> Response.noContent().build());
    }
}
