package io.atc.edge.pki;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.http.SecretBearingResponses;
import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/sites/{siteId}/devices/{deviceId}/certificates")
@Tag(name = "devices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DeviceCertificateResource {

    private final DeviceCertificates certificates;
    private final CallerTenant caller;

    public DeviceCertificateResource(DeviceCertificates certificates, CallerTenant caller) {
        this.certificates = certificates;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueDeviceCertificate",
            summary = "Issue or rotate a device's mTLS certificate",
            description = "Signs the CSR in the body (its subject is ignored; EC P-256 or P-384, or RSA of at least"
                    + " 2048 bits), or, without one, generates an EC P-256 key and returns it in this response only"
                    + " (`Cache-Control: no-store`; the platform keeps no copy). Revokes the device's previous"
                    + " certificates.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "csr", value = CertificateExamples.CSR_REQUEST),
                                @ExampleObject(
                                        name = "generated-key",
                                        value = CertificateExamples.GENERATED_KEY_REQUEST)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "The certificate, and the private key when the platform generated it, shown once"
                    + " (`Cache-Control: no-store`)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedDeviceCertificate.class),
                            examples = @ExampleObject(name = "issued", value = CertificateExamples.ISSUED)))
    @APIResponse(
            responseCode = "404",
            description = "No such device at this site for this tenant (another tenant's is also 404)")
    @APIResponse(responseCode = "409", description = "The device is disabled: enable it first")
    @APIResponse(
            responseCode = "422",
            description = "The CSR is not a PEM certificate signing request, its signature does not verify, its key"
                    + " is of another kind or too weak, or it is longer than 16384 characters")
    @APIResponse(
            responseCode = "503",
            description = "The MQTT broker did not confirm the change, so nothing was changed; try again")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<Response> issue(
            @PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId, @Valid CertificateRequest request) {
        Optional<String> csr = Optional.ofNullable(request).map(CertificateRequest::csr);
        return certificates.issue(caller.current(), siteId, deviceId, csr).map(issued -> SecretBearingResponses.noStore(
                        Response.status(Response.Status.CREATED).entity(issued))
                .build());
    }

    @DELETE
    @Operation(
            operationId = "revokeDeviceCertificates",
            summary = "Revoke a device's certificates",
            description = "Revokes every valid certificate of the device, adds them to its CRL, and removes its"
                    + " certificate login at the broker (dropping its sessions).")
    @APIResponse(
            responseCode = "200",
            description = "The serials revoked (empty when the device had no valid certificate)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RevokedDeviceCertificates.class),
                            examples = @ExampleObject(name = "revoked", value = CertificateExamples.REVOKED)))
    @APIResponse(
            responseCode = "404",
            description = "No such device at this site for this tenant (another tenant's is also 404)")
    @APIResponse(
            responseCode = "503",
            description = "The MQTT broker did not confirm the change, so nothing was changed; try again")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<RevokedDeviceCertificates> revoke(
            @PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId) {
        return certificates.revoke(caller.current(), siteId, deviceId);
    }
}
