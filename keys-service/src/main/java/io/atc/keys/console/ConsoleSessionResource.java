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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
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
            operationId = "signIn",
            summary = "Sign in to a tenant with email and password; sets the session and CSRF cookies",
            description = "Too many failures for one tenant and email answer 429 with Retry-After, whether the"
                    + " account exists or not, until the delay ends (a correct password included)."
                    + " A wrong tenant, email or password, or a disabled user, is the same 401."
                    + " The response is `Cache-Control: no-store`; the session cookie (`__Host-atc_session`) is"
                    + " HttpOnly, and `csrfToken` (also in the `__Host-atc_csrf` cookie) must come back in"
                    + " X-CSRF-Token on every change made with the session.")
    @SecurityRequirementsSet({})
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "sign-in", value = ConsoleExamples.SIGN_IN)))
    @APIResponse(
            responseCode = "201",
            description = "Signed in; Set-Cookie carries the session and CSRF cookies",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsoleSession.class),
                            examples = @ExampleObject(name = "session", value = ConsoleExamples.SESSION)))
    @APIResponse(responseCode = "422", description = "No tenant, or a blank or too long email or password")
    @APIResponse(
            responseCode = "429",
            description = "Too many failed sign-ins for this tenant and email (whether the account exists or not);"
                    + " Retry-After says when to try again")
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
    @Operation(
            operationId = "getConsoleSession",
            summary = "The signed-in user, from the session cookie (which is sent back, its idle clock restarted)",
            description = "The response is `Cache-Control: no-store`.")
    @SecurityRequirement(name = "consoleSession")
    @APIResponse(
            responseCode = "200",
            description = "The session",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsoleSession.class),
                            examples = @ExampleObject(name = "session", value = ConsoleExamples.SESSION)))
    @APIResponse(
            responseCode = "403",
            description = "No valid console session: no cookie, or one expired, idle too long, ended or forged")
    public Uni<Response> current(@CookieParam(SessionTokens.COOKIE) @Parameter(hidden = true) String cookie) {
        return signedIn(cookie, "GET", null).map(signed -> noStore(Response.ok(signed.session()))
                .cookie(sessionCookie(signed))
                .build());
    }

    @DELETE
    @Path("/sessions")
    @Operation(
            operationId = "signOut",
            summary = "Sign out (needs X-CSRF-Token); clears the cookies",
            description = "With everywhere=true, every session of the signed-in user ends, on every device.")
    @SecurityRequirement(name = "consoleSession")
    @APIResponse(responseCode = "204", description = "Signed out; Set-Cookie clears both cookies")
    @APIResponse(
            responseCode = "403",
            description = "No valid console session, or X-CSRF-Token missing or not the session's CSRF token")
    public Uni<Response> signOut(
            @CookieParam(SessionTokens.COOKIE) @Parameter(hidden = true) String cookie,
            @HeaderParam(SessionTokens.CSRF_HEADER)
                    @Parameter(
                            description = "the session's `csrfToken` (from sign-in, or the `__Host-atc_csrf` cookie)")
                    String csrf,
            @QueryParam("everywhere")
                    @Parameter(description = "end every session of the signed-in user, not only this one")
                    boolean everywhere) {
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
