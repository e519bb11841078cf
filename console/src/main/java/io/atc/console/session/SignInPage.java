package io.atc.console.session;

import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayAnswer;
import io.atc.console.gateway.GatewayClient;
import io.atc.console.web.FormTokens;
import io.atc.console.web.Pages;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * Sign in and sign out: forms whose answers are the gateway's console session endpoints. The cookies
 * the keys-service sets (the session, HttpOnly, and its CSRF token) are passed on to the browser as set.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    static final String FAILED = "Sign-in failed: the tenant, email or password is not right, or the user is disabled.";

    private final GatewayClient gateway;
    private final Template signIn;

    public SignInPage(GatewayClient gateway, Template signIn) {
        this.gateway = gateway;
        this.signIn = signIn;
    }

    @GET
    public Response home() {
        return Pages.seeOther("/console/keys");
    }

    @GET
    @Path("/sign-in")
    public Uni<Response> form(@QueryParam("tenant") String tenant, @QueryParam("signed-out") boolean signedOut) {
        return page(Response.Status.OK, tenantOrNull(tenant), null, signedOut ? "You are signed out." : null);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(
            @FormParam("tenant") String tenant,
            @FormParam("email") String email,
            @FormParam("password") String password,
            @FormParam("form") String formToken,
            @CookieParam(FormTokens.SIGN_IN_COOKIE) String formCookie) {
        String tenantId = tenantOrNull(tenant);
        if (!FormTokens.matches(formToken, formCookie)) {
            return page(Response.Status.FORBIDDEN, tenantId, "The form expired; please sign in again.", null);
        }
        if (tenantId == null) {
            return page(Response.Status.BAD_REQUEST, null, "The tenant id is a UUID, as in your sign-in link.", null);
        }
        JsonObject body = new JsonObject()
                .put("tenant", tenantId)
                .put("email", email == null ? "" : email)
                .put("password", password == null ? "" : password);
        return gateway.send(HttpMethod.POST, "/v1/console/sessions", null, body)
                .flatMap(answer -> answer.ok() ? signedIn(answer) : refused(answer, tenantId));
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(
            @FormParam("csrf") String formCsrf,
            @FormParam("tenant") String tenant,
            @BeanParam BrowserCredentials browser) {
        if (!FormTokens.matches(formCsrf, browser.csrf())) {
            return Uni.createFrom().item(Pages.forbidden());
        }
        String tenantId = tenantOrNull(tenant);
        return gateway.send(HttpMethod.DELETE, "/v1/console/sessions", browser, null)
                .map(answer -> Pages.withCookies(
                                Pages.seeOtherBuilder("/console/sign-in?signed-out=true"
                                        + (tenantId == null ? "" : "&tenant=" + tenantId)),
                                answer)
                        .build());
    }

    private Uni<Response> signedIn(GatewayAnswer answer) {
        return Uni.createFrom()
                .item(Pages.withCookies(Pages.seeOtherBuilder("/console/keys"), answer)
                        .cookie(Pages.expired(FormTokens.SIGN_IN_COOKIE))
                        .build());
    }

    private Uni<Response> refused(GatewayAnswer answer, String tenantId) {
        if (answer.status() == 429) {
            return page(
                    Response.Status.TOO_MANY_REQUESTS,
                    tenantId,
                    "Too many failed sign-ins for this account; wait a moment and try again.",
                    null);
        }
        if (answer.status() >= 500) {
            return page(Response.Status.SERVICE_UNAVAILABLE, tenantId, "The platform did not answer; try again.", null);
        }
        return page(Response.Status.UNAUTHORIZED, tenantId, FAILED, null);
    }

    private Uni<Response> page(Response.Status status, String tenant, String error, String notice) {
        String token = FormTokens.fresh();
        return signIn.data("tenant", tenant)
                .data("error", error)
                .data("notice", notice)
                .data("form", token)
                .createUni()
                .map(html -> Response.status(status)
                        .entity(html)
                        .cookie(Pages.cookie(FormTokens.SIGN_IN_COOKIE, token, 3600, true))
                        .build());
    }

    private static String tenantOrNull(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(tenant.strip()).toString();
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
