package io.atc.audit.erasure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/audit/erasures")
@Tag(name = "audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final Erasures erasures;
    private final CallerTenant caller;

    public ErasureResource(Erasures erasures, CallerTenant caller) {
        this.erasures = erasures;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Erase the payloads of audit events about a subject or by seq; the chain still verifies")
    @RequiresScope(Scope.AUDIT_ERASE)
    public Uni<Response> erase(@Valid @NotNull(message = "a JSON body is required") ErasureRequest request) {
        return erasures.erase(caller.current(), request)
                .map(receipt ->
                        Response.status(Response.Status.CREATED).entity(receipt).build());
    }
}
