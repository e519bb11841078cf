package io.atc.keys.tenants;

import static io.atc.core.http.SecretBearingResponses.noStore;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.NotScopeGated;
import io.smallrye.mutiny.Uni;

/**
 * Platform operators onboard tenants. The request reaches this service through the gateway (its
 * internal token, group "gateway") carrying the operator credential, which is checked here, by the
 * service that owns tenants. A tenant's key never creates tenants.
 */
@Path("/v1/tenants")
@Tag(name = "tenants")
@RolesAllowed("gateway")
@NotScopeGated("operator-only: the operator credential, checked here; a tenant's key never creates tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final Tenants tenants;
    private final OperatorCredential operator;

    public TenantResource(Tenants tenants, OperatorCredential operator) {
        this.tenants = tenants;
        this.operator = operator;
    }

    @POST
    @Operation(
            operationId = "createTenant",
            summary =
                    "Create a tenant with its audit chain and first admin key (shown once); operator credential required",
            description = "For platform operators only: the operator credential goes in X-Operator-Token (401"
                    + " without it or with a wrong one). The first admin key's raw value is in `adminKey.key` of"
                    + " this response only (`Cache-Control: no-store`): hand it to the tenant now.")
    @SecurityRequirement(name = "operatorToken")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "harbour-logistics", value = TenantExamples.DRAFT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; the admin key shown once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedTenant.class),
                            examples = @ExampleObject(name = "created", value = TenantExamples.CREATED)))
    @APIResponse(
            responseCode = "422",
            description = "A blank or too long name or adminKeyName, or an unknown deviceTransport")
    public Uni<Response> create(
            @HeaderParam(OperatorCredential.HEADER) @Parameter(hidden = true) String credential,
            @Valid @NotNull(message = "a JSON body is required") TenantDraft draft) {
        if (!operator.matches(credential)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "The operator credential is missing or wrong.");
        }
        return tenants.create("operator", draft).map(created -> noStore(Response.status(Response.Status.CREATED))
                .entity(created)
                .build());
    }
}
