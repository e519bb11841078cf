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
            operationId = "createErasure",
            summary = "Erase every stored event and image of a device or a site, regardless of retention;"
                    + " active holds still win (409); tombstones the audit payloads about it",
            description = "Irreversible. Name exactly one of `siteId` and `deviceId`. Answers once everything is"
                    + " deleted: the counts and the digest of the deleted ids, the audit events whose payloads were"
                    + " tombstoned (the chain still verifies) and the audit event that records the erasure; the run"
                    + " is also listed under /v1/retention/runs with `erasureId` as its `runId`. The site or device"
                    + " itself stays registered. A hold set while it runs stops it at the next batch.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "one-device", value = ErasureExamples.REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Erased",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErasureReceipt.class),
                            examples = @ExampleObject(name = "device-erased", value = ErasureExamples.RECEIPT)))
    @APIResponse(
            responseCode = "404",
            description = "No such site or device in the caller's tenant (another tenant's included)")
    @APIResponse(
            responseCode = "409",
            description = "An active legal hold covers the site or device (the detail names the holds); nothing was"
                    + " deleted")
    @APIResponse(
            responseCode = "422",
            description = "Neither or both of siteId and deviceId, or a blank reason or one over 500 characters")
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> erase(@Valid @NotNull(message = "a JSON body is required") ErasureRequest request) {
        return erasures.erase(caller.current(), request)
                .map(receipt ->
                        Response.status(Response.Status.CREATED).entity(receipt).build());
    }
}
