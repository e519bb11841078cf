package io.atc.keys.apikeys;

import static io.atc.core.http.SecretBearingResponses.noStore;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
            operationId = "createApiKey",
            summary = "Create a key with scopes the caller holds; the response shows the raw key once and never again",
            description = "The raw key is in `key` of this response only (`Cache-Control: no-store`): the server keeps"
                    + " its argon2id hash, so store it now. A caller can grant only scopes it holds itself (403"
                    + " naming the ones it lacks). The key works only from `allowedCidrs` (any address when empty),"
                    + " and from browsers only on `allowedOrigins`.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "ci-deploys", value = ApiKeyExamples.DRAFT)))
    @APIResponse(
            responseCode = "201",
            description = "Created, at Location; the raw key shown once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedApiKey.class),
                            examples = @ExampleObject(name = "issued", value = ApiKeyExamples.ISSUED)))
    @APIResponse(
            responseCode = "422",
            description = "A blank or too long name, no scope or an unknown one, an expiresAt not in the future,"
                    + " or a CIDR or origin that is not one")
    @RequiresScope(Scope.KEYS_WRITE)
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") ApiKeyDraft draft) {
        return keys.issue(caller.current(), draft).map(issued -> noStore(Response.created(
                        URI.create("/v1/keys/" + issued.apiKey().id())))
                .entity(issued)
                .build());
    }

    @GET
    @Operation(
            operationId = "listApiKeys",
            summary = "List the tenant's keys (never their secrets), in pages",
            description = "In id order. Answers `{items, next}`: pass `next` unchanged as `after` for the following"
                    + " page; it is null on the last. `limit` is 1-500 (default 100). `unused=true` lists only the"
                    + " keys flagged `unused` (active, neither used nor created within the deployment's unused"
                    + " period), `unused=false` only the others.")
    @APIResponse(responseCode = "200", description = "One page of keys")
    @APIResponse(responseCode = "422", description = "A limit outside 1-500, or an unused other than true or false")
    @RequiresScope(Scope.KEYS_READ)
    public Uni<Page<ApiKeyView>> list(
            @QueryParam(Page.AFTER) @Parameter(description = "the `next` cursor of the previous page") String after,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 500, message = "must be at most 500")
                    int limit,
            // Text, not Boolean: JAX-RS would read anything but "true" as false, and list the wrong keys for a typo.
            @QueryParam("unused")
                    @Pattern(regexp = "true|false", message = "must be true or false")
                    @Parameter(
                            description =
                                    "`true`: only keys flagged `unused`; `false`: only the others; absent: every key",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    String unused) {
        return keys.list(
                caller.current().tenantId(),
                PageCursor.BY_ID.decode(after).orElse(null),
                limit,
                unused == null ? null : Boolean.valueOf(unused));
    }

    @GET
    @Path("/{keyId}")
    @Operation(operationId = "getApiKey", summary = "Get one key (never its secret)")
    @APIResponse(
            responseCode = "200",
            description = "The key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiKeyView.class),
                            examples = @ExampleObject(name = "rotated-and-revoked", value = ApiKeyExamples.KEY)))
    @APIResponse(responseCode = "404", description = "No such key in the caller's tenant (another tenant's included)")
    @RequiresScope(Scope.KEYS_READ)
    public Uni<ApiKeyView> get(@PathParam("keyId") UUID keyId) {
        return keys.get(caller.current().tenantId(), keyId);
    }

    @POST
    @Path("/{keyId}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "rotateApiKey",
            summary = "Rotate a key whose scopes the caller holds: a successor with the same settings, shown once;"
                    + " the old key stops at once or after a grace period capped at its expiry",
            description = "The successor's raw key is in `key` of this response only (`Cache-Control: no-store`)."
                    + " The body is optional (no grace period). The old key records the successor in `rotatedTo`.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "one-hour-overlap", value = ApiKeyExamples.ROTATION)))
    @APIResponse(
            responseCode = "200",
            description = "The successor, its raw key shown once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedApiKey.class),
                            examples = @ExampleObject(name = "successor", value = ApiKeyExamples.ROTATED)))
    @APIResponse(responseCode = "404", description = "No such key in the caller's tenant (another tenant's included)")
    @APIResponse(responseCode = "409", description = "The key is revoked or expired, or was already rotated")
    @APIResponse(responseCode = "422", description = "A gracePeriodSeconds outside 0-2592000 (30 days)")
    @RequiresScope(Scope.KEYS_WRITE)
    public Uni<Response> rotate(@PathParam("keyId") UUID keyId, @Valid RotationRequest request) {
        return keys.rotate(caller.current(), keyId, request)
                .map(issued -> noStore(Response.ok(issued)).build());
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke a key; every gateway replica stops accepting it within about a second")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key in the caller's tenant (another tenant's included)")
    @APIResponse(responseCode = "409", description = "The key is already revoked")
    @RequiresScope(Scope.KEYS_WRITE)
    public Uni<Response> revoke(@PathParam("keyId") UUID keyId) {
        return keys.revoke(caller.current(), keyId)
                .map(done -> Response.noContent().build());
    }
}
