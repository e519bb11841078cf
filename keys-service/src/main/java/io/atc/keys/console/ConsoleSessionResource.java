package io.atc.keys.console;

import static io.atc.core.http.SecretBearingResponses.noStore;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.NotScopeGated;
import io.smallrye.mutiny.Uni;

/**
 * Console sign-in, session and sign-out. The gateway forwards these (with its own internal token)
 * together with the browser's cookies; the session cookie is HttpOnly, Secure, SameSite=Strict,
 * host-only (__Host-), and every change made with it must carry the CSRF token in X-CSRF-Token.
 */
@Path("/v1/console")
@Tag(name = "console")
@RolesAllowed("gateway")
@NotScopeGated(
        "console sign-in: the gateway forwards it; the password, then the session cookie and CSRF token, protect it")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleSessionResource {

    private final ConsoleUsers users;
    private final SessionTokens tokens;

    public ConsoleSessionResource(ConsoleUsers users, SessionTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in to a tenant with email and password; sets the session and CSRF cookies")
    public Uni<Response> signIn(@Valid @NotNull(message = "a JSON body is required") SignInRequest request) {
        return users.signIn(request).map(issued -> noStore(Response.status(Response.Status.CREATED))
                .cookie(
                        cookie(
                                SessionTokens.COOKIE,
                                issued.cookieValue(),
                                (int) issued.lifetime().toSeconds(),
                                true),
                        cookie(
                                SessionTokens.CSRF_COOKIE,
                                issued.session().csrfToken(),
                                (int) issued.lifetime().toSeconds(),
                                false))
                .entity(issued.session())
                .build());
    }

    @GET
    @Path("/session")
    @Operation(summary = "The signed-in user, from the session cookie")
    public ConsoleSession current(@CookieParam(SessionTokens.COOKIE) String cookie) {
        return tokens.verify(cookie, "GET", null).orElseThrow(ConsoleSessionResource::notSignedIn);
    }

    @DELETE
    @Path("/sessions")
    @Operation(summary = "Sign out (needs X-CSRF-Token); clears the cookies")
    public Uni<Response> signOut(
            @CookieParam(SessionTokens.COOKIE) String cookie, @HeaderParam(SessionTokens.CSRF_HEADER) String csrf) {
        ConsoleSession session = tokens.verify(cookie, "DELETE", csrf).orElseThrow(ConsoleSessionResource::notSignedIn);
        return users.signOut(session).map(done -> Response.noContent()
                .cookie(cookie(SessionTokens.COOKIE, "", 0, true), cookie(SessionTokens.CSRF_COOKIE, "", 0, false))
                .build());
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean httpOnly) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .secure(true)
                .httpOnly(httpOnly)
                .maxAge(maxAge)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    private static ProblemException notSignedIn() {
        return new ProblemException(ProblemType.FORBIDDEN, "No valid console session, or a missing CSRF token.");
    }
}
