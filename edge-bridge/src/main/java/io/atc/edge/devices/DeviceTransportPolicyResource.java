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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
            operationId = "getDeviceTransportPolicy",
            summary = "How the tenant's devices may log in at the broker: password-or-certificate or certificate-only")
    @APIResponse(
            responseCode = "200",
            description = "The tenant's device transport policy",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TransportPolicyView.class),
                            examples = @ExampleObject(name = "policy", value = DeviceExamples.POLICY)))
    @RequiresScope(Scope.DEVICES_READ)
    public Uni<TransportPolicyView> get() {
        return policies.get(caller.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "setDeviceTransportPolicy",
            summary = "Set the tenant's device transport policy (admin only). certificate-only deletes every device's"
                    + " password login and drops its password sessions at once; back to password-or-certificate,"
                    + " a device logs in with a password only after a password reset")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "certificate-only", value = DeviceExamples.POLICY_CHANGE)))
    @APIResponse(
            responseCode = "200",
            description = "The tenant's device transport policy, as set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TransportPolicyView.class),
                            examples = @ExampleObject(name = "policy", value = DeviceExamples.POLICY)))
    @APIResponse(
            responseCode = "422",
            description = "`policy` is missing, or neither password-or-certificate nor certificate-only")
    @APIResponse(
            responseCode = "503",
            description = "The MQTT broker did not confirm the change, so nothing was changed; try again")
    @RequiresScope(Scope.ADMIN)
    public Uni<TransportPolicyView> set(
            @Valid @NotNull(message = "a JSON body is required") TransportPolicyChange change) {
        return policies.change(caller.current(), DeviceTransportPolicy.fromWireName(change.policy()));
    }
}
