package io.atc.retention.erasure;

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

/** Erasure is irreversible, so only a tenant's admin may ask for it (docs/retention.md, "Erasure"). */
@Path("/v1/erasures")
@Tag(name = "retention")
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
    @Operation(
            summary = "Erase every stored event and image of a device or a site, regardless of retention;"
                    + " active holds still win (409); tombstones the audit payloads about it")
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> erase(@Valid @NotNull(message = "a JSON body is required") ErasureRequest request) {
        return erasures.erase(caller.current(), request)
                .map(receipt ->
                        Response.status(Response.Status.CREATED).entity(receipt).build());
    }
}
