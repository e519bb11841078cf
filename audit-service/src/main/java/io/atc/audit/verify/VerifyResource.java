package io.atc.audit.verify;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
            summary = "Verify the caller's audit chain from its newest signed checkpoint (or in full)",
            description = "Read-only. By default re-hashes only the events after the newest signed checkpoint"
                    + " (`from` says which; from genesis if there is none yet); mode=full re-hashes every event"
                    + " and is limited per tenant (429 with Retry-After). ok=false names the first bad seq and a"
                    + " reason (docs/audit.md).")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<VerificationReport> verify(
            @QueryParam("mode") @Parameter(description = "incremental (default) or full") String mode) {
        return verification.verify(caller.current().tenantId(), VerificationMode.parse(mode));
    }

    @ServerExceptionMapper
    public Response refused(FullVerificationRefused refused, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(refused, uri.getPath()))
                .header("Retry-After", refused.retryAfterSeconds())
                .build();
    }
}
