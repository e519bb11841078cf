package io.atc.keys.apikeys.usage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.NotScopeGated;
import io.smallrye.mutiny.Uni;

/**
 * Internal: where the gateways report the keys they admitted (docs/keys.md, "Last used"), in batches,
 * off the request path. Only a caller holding the gateway's own internal token (group "gateway")
 * reaches it, the gateway routes no /internal path, and the NetworkPolicy keeps it in the cluster.
 * Each entry names its tenant and is written in that tenant's transaction, so even a forged entry can
 * reach only a key of the tenant it names.
 */
@Path("/internal/v1/keys/usage")
@Tag(name = "internal")
@RolesAllowed("gateway")
@NotScopeGated("internal: only the gateway's own token (role gateway) reaches it")
@Consumes(MediaType.APPLICATION_JSON)
public class KeyUseResource {

    private final KeyUses uses;

    public KeyUseResource(KeyUses uses) {
        this.uses = uses;
    }

    @POST
    @Operation(summary = "Record when and from where keys were last used (gateway only)")
    public Uni<Response> record(@Valid @NotNull(message = "a JSON body is required") KeyUseReport report) {
        return uses.record(report).map(changed -> Response.noContent().build());
    }
}
