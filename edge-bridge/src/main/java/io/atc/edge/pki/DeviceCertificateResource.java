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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.http.SecretBearingResponses;
import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/sites/{siteId}/devices/{deviceId}/certificates")
@Tag(name = "device certificates")
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
            summary = "Issue or rotate a device's mTLS certificate",
            description = "Signs the CSR in the body (its subject is ignored), or, without one, generates an EC P-256"
                    + " key and returns it in this response only. Revokes the device's previous certificates.")
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
            summary = "Revoke a device's certificates",
            description = "Revokes every valid certificate of the device, adds them to its CRL, and removes its"
                    + " certificate login at the broker (dropping its sessions).")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<RevokedDeviceCertificates> revoke(
            @PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId) {
        return certificates.revoke(caller.current(), siteId, deviceId);
    }
}
