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
    @Operation(
            operationId = "eraseAuditPayloads",
            summary = "Erase the payloads of audit events about a subject or by seq; the chain still verifies",
            description = "Tombstones every event whose target (or payload's `subject`) is `subject`, and the"
                    + " events `eventSeqs`: their payload and salt are cleared, their payload hash kept. The erasure"
                    + " is itself an audit event listing the erased seqs and the reason, never the subject. Seqs"
                    + " that do not exist, are already erased or record an erasure are left out of `erasedSeqs`.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "by-subject", value = ErasureExamples.BY_SUBJECT),
                                @ExampleObject(name = "by-seq", value = ErasureExamples.BY_SEQ)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Erased",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErasureReceipt.class),
                            examples = @ExampleObject(name = "receipt", value = ErasureExamples.RECEIPT)))
    @APIResponse(
            responseCode = "422",
            description = "Neither a subject nor event seqs, a blank or too long reason, a subject over 500"
                    + " characters or over 10000 seqs")
    @RequiresScope(Scope.AUDIT_ERASE)
    public Uni<Response> erase(@Valid @NotNull(message = "a JSON body is required") ErasureRequest request) {
        return erasures.erase(caller.current(), request)
                .map(receipt ->
                        Response.status(Response.Status.CREATED).entity(receipt).build());
    }
}
