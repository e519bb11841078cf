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
    @Operation(summary = "Create a console user of the caller's tenant, holding scopes the caller holds itself")
    @RequiresScope(Scope.KEYS_WRITE)
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") ConsoleUserDraft draft) {
        return users.create(caller.current(), draft)
                .map(user ->
                        Response.status(Response.Status.CREATED).entity(user).build());
    }

    @POST
    @Path("/{userId}/disable")
    @Operation(summary = "Disable a console user: it cannot sign in, and every session it has ends at once")
    @RequiresScope(Scope.ADMIN)
    public Uni<ConsoleUserView> disable(@PathParam("userId") UUID userId) {
        return users.setDisabled(caller.current(), userId, true);
    }

    @POST
    @Path("/{userId}/enable")
    @Operation(summary = "Enable a disabled console user again (its ended sessions stay ended)")
    @RequiresScope(Scope.ADMIN)
    public Uni<ConsoleUserView> enable(@PathParam("userId") UUID userId) {
        return users.setDisabled(caller.current(), userId, false);
    }

    @PUT
    @Path("/{userId}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a console user's password; every session it has ends at once")
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> setPassword(
            @PathParam("userId") UUID userId, @Valid @NotNull(message = "a JSON body is required") NewPassword body) {
        return users.setPassword(caller.current(), userId, body.password())
                .map(done -> Response.noContent().build());
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Delete a console user and end every session it has")
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> delete(@PathParam("userId") UUID userId) {
        return users.delete(caller.current(), userId)
                .map(done -> Response.noContent().build());
    }
}
