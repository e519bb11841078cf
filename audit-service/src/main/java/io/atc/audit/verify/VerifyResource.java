package io.atc.audit.verify;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.atc.core.errors.ProblemResponses;
import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/audit/verify")
@Tag(name = "audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    private final ChainVerification verification;
    private final CallerTenant caller;

    public VerifyResource(ChainVerification verification, CallerTenant caller) {
        this.verification = verification;
        this.caller = caller;
    }

    @POST
    @Operation(
            operationId = "verifyAuditChain",
            summary = "Verify the caller's audit chain from its newest signed checkpoint (or in full)",
            description = "Read-only. By default re-hashes only the events after the newest signed checkpoint"
                    + " (`from` says which; from genesis if there is none yet); mode=full re-hashes every event"
                    + " and is limited per tenant (429 with Retry-After). ok=false names the first bad seq and a"
                    + " reason (docs/audit.md).")
    @APIResponse(
            responseCode = "200",
            description = "The verdict, and what was checked (ok=false when the chain does not verify)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VerificationReport.class),
                            examples = {
                                @ExampleObject(name = "verified-from-checkpoint", value = VerificationExamples.PASSED),
                                @ExampleObject(name = "tampering-found", value = VerificationExamples.TAMPERED)
                            }))
    @APIResponse(responseCode = "422", description = "A mode other than incremental or full")
    @APIResponse(
            responseCode = "429",
            description = "mode=full beyond its per-tenant hourly limit, or while the service runs as many full"
                    + " verifications as it allows; Retry-After says when to try again")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<VerificationReport> verify(
            @QueryParam("mode")
                    @Parameter(
                            description = "incremental (default) or full",
                            schema = @Schema(enumeration = {"incremental", "full"}))
                    String mode) {
        return verification.verify(caller.current().tenantId(), VerificationMode.parse(mode));
    }

    @ServerExceptionMapper
    public Response refused(FullVerificationRefused refused, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(refused, uri.getPath()))
                .header("Retry-After", refused.retryAfterSeconds())
                .build();
    }
}
