package io.atc.keys.apikeys;

import static io.atc.core.http.SecretBearingResponses.noStore;

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

@Path("/v1/keys")
@Tag(name = "keys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeys keys;
    private final CallerTenant caller;

    public ApiKeyResource(ApiKeys keys, CallerTenant caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a key with scopes the caller holds; the response shows the raw key once and never again")
    @RequiresScope(Scope.KEYS_WRITE)
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") ApiKeyDraft draft) {
        return keys.issue(caller.current(), draft).map(issued -> noStore(Response.created(
                        URI.create("/v1/keys/" + issued.apiKey().id())))
                .entity(issued)
                .build());
    }

    @GET
    @Operation(summary = "List the tenant's keys (never their secrets), in pages")
    @RequiresScope(Scope.KEYS_READ)
    public Uni<Page<ApiKeyView>> list(
            @QueryParam(Page.AFTER) String after,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 500, message = "must be at most 500")
                    int limit) {
        return keys.list(
                caller.current().tenantId(), PageCursor.BY_ID.decode(after).orElse(null), limit);
    }

    @GET
    @Path("/{keyId}")
    @Operation(summary = "Get one key (never its secret)")
    @RequiresScope(Scope.KEYS_READ)
    public Uni<ApiKeyView> get(@PathParam("keyId") UUID keyId) {
        return keys.get(caller.current().tenantId(), keyId);
    }

    @POST
    @Path("/{keyId}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rotate a key whose scopes the caller holds: a successor with the same settings, shown once;"
                    + " the old key stops at once or after a grace period capped at its expiry")
    @RequiresScope(Scope.KEYS_WRITE)
    public Uni<Response> rotate(@PathParam("keyId") UUID keyId, @Valid RotationRequest request) {
        return keys.rotate(caller.current(), keyId, request)
                .map(issued -> noStore(Response.ok(issued)).build());
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Revoke a key; every gateway replica stops accepting it within about a second")
    @RequiresScope(Scope.KEYS_WRITE)
    public Uni<Response> revoke(@PathParam("keyId") UUID keyId) {
        return keys.revoke(caller.current(), keyId)
                .map(done -> Response.noContent().build());
    }
}
