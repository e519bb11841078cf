package io.atc.keys.console;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/console/users")
@Tag(name = "console")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleUserResource {

    private final ConsoleUsers users;
    private final CallerTenant caller;

    public ConsoleUserResource(ConsoleUsers users, CallerTenant caller) {
        this.users = users;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createConsoleUser",
            summary = "Create a console user of the caller's tenant, holding scopes the caller holds itself",
            description = "The user signs in with its tenant, email and password (POST /v1/console/sessions)."
                    + " A caller can grant only scopes it holds itself (403 naming the ones it lacks). The"
                    + " password is hashed with argon2id and never stored, logged or audited.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "operator", value = ConsoleExamples.USER_DRAFT)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsoleUserView.class),
                            examples = @ExampleObject(name = "created", value = ConsoleExamples.USER)))
    @APIResponse(responseCode = "409", description = "The tenant already has a console user with this email")
    @APIResponse(
            responseCode = "422",
            description = "An email that is not one, a password outside 12-128 characters or containing the"
                    + " email's name, or no scope or an unknown one")
    @RequiresScope(Scope.KEYS_WRITE)
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") ConsoleUserDraft draft) {
        return users.create(caller.current(), draft)
                .map(user ->
                        Response.status(Response.Status.CREATED).entity(user).build());
    }

    @POST
    @Path("/{userId}/disable")
    @Operation(
            operationId = "disableConsoleUser",
            summary = "Disable a console user: it cannot sign in, and every session it has ends at once")
    @APIResponse(
            responseCode = "200",
            description = "Disabled (disabling a disabled user changes nothing)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsoleUserView.class),
                            examples = @ExampleObject(name = "disabled", value = ConsoleExamples.DISABLED_USER)))
    @APIResponse(
            responseCode = "404",
            description = "No such console user in the caller's tenant (another tenant's included)")
    @RequiresScope(Scope.ADMIN)
    public Uni<ConsoleUserView> disable(@PathParam("userId") UUID userId) {
        return users.setDisabled(caller.current(), userId, true);
    }

    @POST
    @Path("/{userId}/enable")
    @Operation(
            operationId = "enableConsoleUser",
            summary = "Enable a disabled console user again (its ended sessions stay ended)")
    @APIResponse(
            responseCode = "200",
            description = "Enabled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsoleUserView.class),
                            examples = @ExampleObject(name = "enabled", value = ConsoleExamples.USER)))
    @APIResponse(
            responseCode = "404",
            description = "No such console user in the caller's tenant (another tenant's included)")
    @RequiresScope(Scope.ADMIN)
    public Uni<ConsoleUserView> enable(@PathParam("userId") UUID userId) {
        return users.setDisabled(caller.current(), userId, false);
    }

    @PUT
    @Path("/{userId}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "setConsoleUserPassword",
            summary = "Set a console user's password; every session it has ends at once")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "new-password", value = ConsoleExamples.NEW_PASSWORD)))
    @APIResponse(responseCode = "204", description = "Set; the user's sessions ended")
    @APIResponse(
            responseCode = "404",
            description = "No such console user in the caller's tenant (another tenant's included)")
    @APIResponse(
            responseCode = "422",
            description = "A password outside 12-128 characters or containing the email's name")
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> setPassword(
            @PathParam("userId") UUID userId, @Valid @NotNull(message = "a JSON body is required") NewPassword body) {
        return users.setPassword(caller.current(), userId, body.password())
                .map(done -> Response.noContent().build());
    }

    @DELETE
    @Path("/{userId}")
    @Operation(operationId = "deleteConsoleUser", summary = "Delete a console user and end every session it has")
    @APIResponse(responseCode = "204", description = "Deleted; its sessions ended")
    @APIResponse(
            responseCode = "404",
            description = "No such console user in the caller's tenant (another tenant's included)")
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> delete(@PathParam("userId") UUID userId) {
        return users.delete(caller.current(), userId)
                .map(done -> Response.noContent().build());
    }
}
