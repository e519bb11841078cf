package io.atc.keys.tenants;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Platform operators onboard tenants; the gateway admits an operator only with the operator credential. */
@Path("/v1/tenants")
@Tag(name = "tenants")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final Tenants tenants;
    private final JsonWebToken token;

    public TenantResource(Tenants tenants, JsonWebToken token) {
        this.tenants = tenants;
        this.token = token;
    }

    @POST
    @Operation(summary = "Create a tenant with its audit chain and first admin key (shown once)")
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") TenantDraft draft) {
        return tenants.create("operator:" + token.getSubject(), draft)
                .map(created -> Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                        .header("Pragma", "no-cache").entity(created).build());
    }
}
