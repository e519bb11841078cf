package io.atc.edge.devices;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/** The caller's tenant's device transport policy (docs/edge.md, "Transport policy per tenant"). */
@Path("/v1/devices/transport-policy")
@Tag(name = "devices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DeviceTransportPolicyResource {

    private final DeviceTransportPolicies policies;
    private final CallerTenant caller;

    public DeviceTransportPolicyResource(DeviceTransportPolicies policies, CallerTenant caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "How the tenant's devices may log in at the broker: password-or-certificate or certificate-only")
    @RequiresScope(Scope.DEVICES_READ)
    public Uni<TransportPolicyView> get() {
        return policies.get(caller.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the tenant's device transport policy (admin only). certificate-only deletes every device's"
                    + " password login and drops its password sessions at once; back to password-or-certificate,"
                    + " a device logs in with a password only after a password reset")
    @RequiresScope(Scope.ADMIN)
    public Uni<TransportPolicyView> set(
            @Valid @NotNull(message = "a JSON body is required") TransportPolicyChange change) {
        return policies.change(caller.current(), DeviceTransportPolicy.fromWireName(change.policy()));
    }
}
