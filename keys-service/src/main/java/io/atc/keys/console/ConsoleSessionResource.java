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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemResponses;
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
    private final ConsoleSessions sessions;

    public ConsoleSessionResource(ConsoleUsers users, ConsoleSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Sign in to a tenant with email and password; sets the session and CSRF cookies",
            description = "Too many failures for one tenant and email answer 429 with Retry-After, whether the"
                    + " account exists or not, until the delay ends (a correct password included).")
    public Uni<Response> signIn(
            @Valid @NotNull(message = "a JSON body is required") SignInRequest request, @Context UriInfo uri) {
        return users.signIn(request)
                .map(signed -> noStore(Response.status(Response.Status.CREATED))
                        .cookie(sessionCookie(signed), csrfCookie(signed))
                        .entity(signed.session())
                        .build())
                .onFailure(SignInThrottled.class)
                .recoverWithItem(throttled -> throttledAnswer((SignInThrottled) throttled, uri));
    }

    @GET
    @Path("/session")
    @Operation(summary = "The signed-in user, from the session cookie (which is sent back, its idle clock restarted)")
    public Uni<Response> current(@CookieParam(SessionTokens.COOKIE) String cookie) {
        return signedIn(cookie, "GET", null).map(signed -> noStore(Response.ok(signed.session()))
                .cookie(sessionCookie(signed))
                .build());
    }

    @DELETE
    @Path("/sessions")
    @Operation(
            summary = "Sign out (needs X-CSRF-Token); clears the cookies",
            description = "With everywhere=true, every session of the signed-in user ends, on every device.")
    public Uni<Response> signOut(
            @CookieParam(SessionTokens.COOKIE) String cookie,
            @HeaderParam(SessionTokens.CSRF_HEADER) String csrf,
            @QueryParam("everywhere") boolean everywhere) {
        return signedIn(cookie, "DELETE", csrf)
                .flatMap(signed -> everywhere ? sessions.endEverywhere(signed).replaceWithVoid() : sessions.end(signed))
                .map(done -> Response.noContent()
                        .cookie(
                                cookie(SessionTokens.COOKIE, "", 0, true),
                                cookie(SessionTokens.CSRF_COOKIE, "", 0, false))
                        .build());
    }

    private Uni<ConsoleSessions.Signed> signedIn(String cookie, String method, String csrf) {
        return sessions.check(cookie, method, csrf)
                .map(signed -> signed.orElseThrow(ConsoleSessionResource::notSignedIn));
    }

    private static NewCookie sessionCookie(ConsoleSessions.Signed signed) {
        return cookie(
                SessionTokens.COOKIE,
                signed.cookieValue(),
                (int) signed.remaining().toSeconds(),
                true);
    }

    private static NewCookie csrfCookie(ConsoleSessions.Signed signed) {
        return cookie(
                SessionTokens.CSRF_COOKIE,
                signed.session().csrfToken(),
                (int) signed.remaining().toSeconds(),
                false);
    }

    private static Response throttledAnswer(SignInThrottled throttled, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(throttled, uri.getPath()))
                .header("Retry-After", throttled.retryAfterSeconds())
                .build();
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
