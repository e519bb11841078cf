package io.atc.console.keys;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayAnswer;
import io.atc.console.gateway.GatewayClient;
import io.atc.console.session.CurrentSession;
import io.atc.console.session.SignedInUser;
import io.atc.console.web.FormTokens;
import io.atc.console.web.Pages;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * The keys page: the tenant's keys, create, rotate (with grace), revoke (after a confirmation page).
 * Each action is one request to the gateway's keys API with the browser's session, so scopes, RLS, the
 * audit trail and every rule are the API's own. A new or rotated key's secret is rendered once, in the
 * answer to the POST that made it (no-store, like every page), and never into a URL, a cookie or
 * anything the console keeps.
 */
@Path("/console/keys")
@Produces(MediaType.TEXT_HTML)
public class KeysPage {

    static final List<String> SCOPES = List.of(
            "admin",
            "keys:read",
            "keys:write",
            "audit:read",
            "audit:erase",
            "sites:read",
            "sites:write",
            "devices:read",
            "devices:write",
            "events:read",
            "images:read",
            "retention:read",
            "retention:write");
    static final List<Grace> GRACE_PERIODS = List.of(
            new Grace(0, "none: stops at once"),
            new Grace(600, "10 minutes"),
            new Grace(3600, "1 hour"),
            new Grace(86_400, "1 day"),
            new Grace(604_800, "7 days"));

    private final GatewayClient gateway;
    private final CurrentSession sessions;
    private final Template keys;
    private final Template revoke;

    public KeysPage(GatewayClient gateway, CurrentSession sessions, Template keys, Template revoke) {
        this.gateway = gateway;
        this.sessions = sessions;
        this.keys = keys;
        this.revoke = revoke;
    }

    @GET
    public Uni<Response> list(
            @QueryParam("after") String after,
            @QueryParam("done") String done,
            @CookieParam(BrowserCredentials.SESSION_COOKIE) String session,
            @CookieParam(BrowserCredentials.CSRF_COOKIE) String csrf) {
        BrowserCredentials browser = new BrowserCredentials(session, csrf);
        return signedIn(browser, user -> render(browser, user, after, Notice.of(done), null, null, Response.Status.OK));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(
            @FormParam("csrf") String formCsrf,
            @FormParam("name") String name,
            @FormParam("scopes") List<String> scopes,
            @FormParam("expiresOn") String expiresOn,
            @FormParam("allowedCidrs") String cidrs,
            @FormParam("allowedOrigins") String origins,
            @CookieParam(BrowserCredentials.SESSION_COOKIE) String session,
            @CookieParam(BrowserCredentials.CSRF_COOKIE) String csrf) {
        if (!FormTokens.matches(formCsrf, csrf)) {
            return Uni.createFrom().item(Pages.forbidden());
        }
        BrowserCredentials browser = new BrowserCredentials(session, csrf);
        JsonObject draft = KeyForm.draft(name, scopes, expiresOn, cidrs, origins);
        return signedIn(browser, user -> gateway.send(HttpMethod.POST, "/v1/keys", browser, draft)
                .flatMap(answer -> answer.ok()
                        ? render(browser, user, null, null, null, Issued.created(answer.json()), Response.Status.OK)
                        : render(
                                browser,
                                user,
                                null,
                                null,
                                problem("The key was not created", answer),
                                null,
                                status(answer))));
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rotate(
            @PathParam("id") String id,
            @FormParam("csrf") String formCsrf,
            @FormParam("gracePeriodSeconds") long grace,
            @CookieParam(BrowserCredentials.SESSION_COOKIE) String session,
            @CookieParam(BrowserCredentials.CSRF_COOKIE) String csrf) {
        if (!FormTokens.matches(formCsrf, csrf)) {
            return Uni.createFrom().item(Pages.forbidden());
        }
        BrowserCredentials browser = new BrowserCredentials(session, csrf);
        String keyId = keyIdOrNull(id);
        if (keyId == null) {
            return Uni.createFrom().item(Pages.seeOther("/console/keys?done=missing"));
        }
        JsonObject rotation = new JsonObject().put("gracePeriodSeconds", grace);
        return signedIn(browser, user -> gateway.send(
                        HttpMethod.POST, "/v1/keys/" + keyId + "/rotate", browser, rotation)
                .flatMap(answer -> answer.ok()
                        ? render(browser, user, null, null, null, Issued.rotated(answer.json()), Response.Status.OK)
                        : render(
                                browser,
                                user,
                                null,
                                null,
                                problem("The key was not rotated", answer),
                                null,
                                status(answer))));
    }

    @GET
    @Path("/{id}/revoke")
    public Uni<Response> confirmRevoke(
            @PathParam("id") String id,
            @CookieParam(BrowserCredentials.SESSION_COOKIE) String session,
            @CookieParam(BrowserCredentials.CSRF_COOKIE) String csrf) {
        BrowserCredentials browser = new BrowserCredentials(session, csrf);
        String keyId = keyIdOrNull(id);
        if (keyId == null) {
            return Uni.createFrom().item(Pages.seeOther("/console/keys?done=missing"));
        }
        return signedIn(browser, user -> gateway.get("/v1/keys/" + keyId, browser)
                .flatMap(answer -> answer.ok()
                        ? revoke.data("user", user)
                                .data("key", KeyRow.from(answer.json()))
                                .createUni()
                                .map(html -> Response.ok(html).build())
                        : Uni.createFrom().item(Pages.seeOther("/console/keys?done=missing"))));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(
            @PathParam("id") String id,
            @FormParam("csrf") String formCsrf,
            @CookieParam(BrowserCredentials.SESSION_COOKIE) String session,
            @CookieParam(BrowserCredentials.CSRF_COOKIE) String csrf) {
        if (!FormTokens.matches(formCsrf, csrf)) {
            return Uni.createFrom().item(Pages.forbidden());
        }
        BrowserCredentials browser = new BrowserCredentials(session, csrf);
        String keyId = keyIdOrNull(id);
        if (keyId == null) {
            return Uni.createFrom().item(Pages.seeOther("/console/keys?done=missing"));
        }
        return signedIn(browser, user -> gateway.send(HttpMethod.DELETE, "/v1/keys/" + keyId, browser, null)
                .map(answer ->
                        Pages.seeOther(answer.ok() ? "/console/keys?done=revoked" : "/console/keys?done=missing")));
    }

    /** Runs {@code page} for the signed-in user, passing on the session's refreshed cookie; otherwise to sign-in. */
    private Uni<Response> signedIn(
            BrowserCredentials browser, java.util.function.Function<SignedInUser, Uni<Response>> page) {
        return sessions.check(browser).flatMap(checked -> {
            if (checked.user() == null) {
                return Uni.createFrom().item(Pages.seeOther("/console/sign-in"));
            }
            return page.apply(checked.user()).map(response -> {
                Response.ResponseBuilder builder = Response.fromResponse(response);
                Pages.withCookies(builder, checked.answer());
                return builder.build();
            });
        });
    }

    private Uni<Response> render(
            BrowserCredentials browser,
            SignedInUser user,
            String after,
            Notice notice,
            String error,
            Issued issued,
            Response.Status status) {
        String path = "/v1/keys?limit=100" + (after == null || after.isBlank() ? "" : "&after=" + cursor(after));
        return gateway.get(path, browser).flatMap(answer -> {
            List<KeyRow> rows = answer.ok()
                    ? answer.json().getJsonArray("items").stream()
                            .map(item -> KeyRow.from((JsonObject) item))
                            .toList()
                    : List.of();
            String next = answer.ok() ? answer.json().getString("next") : null;
            String listError = answer.ok() ? null : problem("The keys could not be listed", answer);
            return keys.data("user", user)
                    .data("keys", rows)
                    .data("next", next)
                    .data("notice", notice == null ? null : notice.text())
                    .data("error", error != null ? error : listError)
                    .data("issued", issued)
                    .data("scopes", SCOPES.stream().filter(user::holds).toList())
                    .data("graces", GRACE_PERIODS)
                    .createUni()
                    .map(html -> Response.status(status).entity(html).build());
        });
    }

    private static String problem(String what, GatewayAnswer answer) {
        String detail = answer.problemDetail();
        return what + (detail == null ? " (" + answer.status() + ")." : ": " + detail);
    }

    private static Response.Status status(GatewayAnswer answer) {
        Response.Status status = Response.Status.fromStatusCode(answer.status());
        return status == null ? Response.Status.BAD_GATEWAY : status;
    }

    /** A cursor is the API's opaque base64url text: anything else is dropped rather than put in the API's query. */
    private static String cursor(String after) {
        return after.matches("[A-Za-z0-9_=-]{1,200}") ? after : "";
    }

    private static String keyIdOrNull(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException notAKeyId) {
            return null;
        }
    }

    @TemplateData
    public record Grace(long seconds, String label) {}

    /** A secret the keys API just issued, for the display-once dialog; it lives only in this one answer. */
    @TemplateData
    public record Issued(String heading, String secret, KeyRow key) {

        static Issued created(JsonObject answer) {
            return new Issued("Key created", answer.getString("key"), KeyRow.from(answer.getJsonObject("apiKey")));
        }

        static Issued rotated(JsonObject answer) {
            return new Issued("Key rotated", answer.getString("key"), KeyRow.from(answer.getJsonObject("apiKey")));
        }

        @Override
        public String toString() {
            return "Issued[" + key.prefix() + "]";
        }
    }

    enum Notice {
        REVOKED("The key is revoked: every gateway refuses it within about a second."),
        MISSING("No such key in this tenant.");

        private final String text;

        Notice(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        static Notice of(String done) {
            if ("revoked".equals(done)) {
                return REVOKED;
            }
            return "missing".equals(done) ? MISSING : null;
        }
    }
}
