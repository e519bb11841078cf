package io.atc.keys.apikeys.verify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.NotScopeGated;
import io.atc.core.keys.KeyVerdict;
import io.smallrye.mutiny.Uni;

/**
 * Internal: the gateway's way to verify a key on a cache miss. Only a caller holding the gateway's
 * own internal token (group "gateway") reaches it, and the NetworkPolicy keeps it in the cluster.
 */
@Path("/internal/v1/keys/verify")
@Tag(name = "internal")
@RolesAllowed("gateway")
@NotScopeGated("internal: only the gateway's own token (role gateway) reaches it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeyVerificationResource {

    private final KeyVerifier verifier;

    public KeyVerificationResource(KeyVerifier verifier) {
        this.verifier = verifier;
    }

    /** The key travels in the body, never in a URL or a header that proxies log. */
    public record Presented(
            @NotNull(message = "is required") String key) {

        @Override
        public String toString() {
            return "Presented[redacted]";
        }
    }

    @POST
    @Operation(summary = "Verify a presented API key (gateway only)")
    public Uni<KeyVerdict> verify(@Valid @NotNull(message = "a JSON body is required") Presented presented) {
        return verifier.verify(presented.key());
    }
}
