package io.atc.keys.console;

import java.util.List;
import java.util.UUID;

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

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.NotScopeGated;
import io.smallrye.mutiny.Uni;

/**
 * Internal: the gateway's way to turn a console session presented on the public API into the
 * user's identity (tenant, user, scopes), which it then mints into the same short-lived internal
 * token an API key gets. The session is checked exactly as for the console's own endpoints: signature,
 * absolute and idle expiry, the CSRF token for any method but GET and HEAD, the live session row and
 * an enabled user, whose scopes are read now.
 */
@Path("/internal/v1/console/sessions/check")
@Tag(name = "internal")
@RolesAllowed("gateway")
@NotScopeGated("internal: only the gateway's own token (role gateway) reaches it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsoleSessionCheckResource {

    private final ConsoleSessions sessions;

    public ConsoleSessionCheckResource(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    /** The cookie and the CSRF token travel in the body, never in a URL. */
    public record PresentedSession(
            @NotNull(message = "is required") String session,
            @NotNull(message = "is required") String method,
            String csrf) {

        @Override
        public String toString() {
            return "PresentedSession[redacted]";
        }
    }

    /** Who the session is: what the gateway puts in the internal token. */
    public record SessionIdentity(UUID tenant, UUID userId, List<String> scopes) {}

    @POST
    @Operation(summary = "Check a console session presented on the public API (gateway only)")
    public Uni<SessionIdentity> check(@Valid @NotNull(message = "a JSON body is required") PresentedSession presented) {
        return sessions.check(presented.session(), presented.method(), presented.csrf())
                .map(signed -> signed.map(live -> new SessionIdentity(
                                live.session().tenant(),
                                live.session().userId(),
                                live.session().scopes()))
                        .orElseThrow(() -> new ProblemException(
                                ProblemType.FORBIDDEN, "No valid console session, or a missing CSRF token.")));
    }
}
