package io.atc.audit.verify;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
            summary = "Verify the caller's whole audit chain against its head and newest signed checkpoint",
            description = "Read-only. ok=false names the first bad seq and a reason (docs/audit.md).")
    @RequiresScope(Scope.AUDIT_READ)
    public Uni<VerificationResult> verify() {
        return verification.verify(caller.current().tenantId());
    }
}
