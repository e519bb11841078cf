package io.atc.console.keys;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayAnswer;
import io.atc.console.gateway.GatewayClient;
import io.atc.console.session.SignedInPages;
import io.atc.console.session.SignedInUser;
import io.atc.console.web.DisplayOnce;
import io.atc.console.web.Ids;
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
    private final SignedInPages pages;
    private final Template keys;
    private final Template revoke;

    public KeysPage(GatewayClient gateway, SignedInPages pages, Template keys, Template revoke) {
        this.gateway = gateway;
        this.pages = pages;
        this.keys = keys;
        this.revoke = revoke;
    }

    @GET
    public Uni<Response> list(
            @QueryParam("after") String after,
            @QueryParam("unused") String unused,
            @QueryParam("done") String done,
            @BeanParam BrowserCredentials browser) {
        Listing listing = new Listing(Ids.cursor(after), "true".equals(unused));
        return pages.view(browser, user -> render(browser, user, listing, Notice.of(done), null, null, Status.OK));
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
            @BeanParam BrowserCredentials browser) {
        JsonObject draft = KeyForm.draft(name, scopes, expiresOn, cidrs, origins);
        return pages.change(formCsrf, browser, user -> gateway.send(HttpMethod.POST, "/v1/keys", browser, draft)
                .flatMap(answer -> issued(browser, user, answer, "Key created", "The key was not created")));
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rotate(
            @PathParam("id") String id,
            @FormParam("csrf") String formCsrf,
            @FormParam("gracePeriodSeconds") long grace,
            @BeanParam BrowserCredentials browser) {
        String keyId = Ids.uuidOrNull(id);
        JsonObject rotation = new JsonObject().put("gracePeriodSeconds", grace);
        return pages.change(
                formCsrf,
                browser,
                user -> keyId == null
                        ? missing()
                        : gateway.send(HttpMethod.POST, "/v1/keys/" + keyId + "/rotate", browser, rotation)
                                .flatMap(answer ->
                                        issued(browser, user, answer, "Key rotated", "The key was not rotated")));
    }

    @GET
    @Path("/{id}/revoke")
    public Uni<Response> confirmRevoke(@PathParam("id") String id, @BeanParam BrowserCredentials browser) {
        String keyId = Ids.uuidOrNull(id);
        return pages.view(
                browser,
                user -> keyId == null
                        ? missing()
                        : gateway.get("/v1/keys/" + keyId, browser)
                                .flatMap(answer -> answer.ok()
                                        ? revoke.data("user", user)
                                                .data("key", KeyRow.from(answer.json()))
                                                .createUni()
                                                .map(html -> Response.ok(html).build())
                                        : missing()));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(
            @PathParam("id") String id, @FormParam("csrf") String formCsrf, @BeanParam BrowserCredentials browser) {
        String keyId = Ids.uuidOrNull(id);
        return pages.change(
                formCsrf,
                browser,
                user -> keyId == null
                        ? missing()
                        : gateway.send(HttpMethod.DELETE, "/v1/keys/" + keyId, browser, null)
                                .map(answer -> Pages.seeOther(
                                        answer.ok() ? "/console/keys?done=revoked" : "/console/keys?done=missing")));
    }

    private Uni<Response> issued(
            BrowserCredentials browser, SignedInUser user, GatewayAnswer answer, String heading, String failed) {
        if (!answer.ok()) {
            return render(browser, user, Listing.FIRST, null, answer.problem(failed), null, answer.pageStatus());
        }
        KeyRow key = KeyRow.from(answer.json().getJsonObject("apiKey"));
        DisplayOnce secret = new DisplayOnce(
                heading + ": " + key.name(),
                "Secret of " + key.prefix(),
                answer.json().getString("key"),
                "/console/keys");
        return render(browser, user, Listing.FIRST, null, null, secret, Status.OK);
    }

    private static Uni<Response> missing() {
        return Uni.createFrom().item(Pages.seeOther("/console/keys?done=missing"));
    }

    private Uni<Response> render(
            BrowserCredentials browser,
            SignedInUser user,
            Listing listing,
            Notice notice,
            String error,
            DisplayOnce secret,
            Response.StatusType status) {
        return gateway.get(listing.apiPath(), browser).flatMap(answer -> {
            List<KeyRow> rows = answer.ok()
                    ? answer.json().getJsonArray("items").stream()
                            .map(item -> KeyRow.from((JsonObject) item))
                            .toList()
                    : List.of();
            String next = answer.ok() ? answer.json().getString("next") : null;
            String listError = answer.ok() ? null : answer.problem("The keys could not be listed");
            return keys.data("user", user)
                    .data("keys", rows)
                    .data("next", next)
                    .data("unusedOnly", listing.unusedOnly())
                    .data("notice", notice == null ? null : notice.text())
                    .data("error", error != null ? error : listError)
                    .data("secret", secret)
                    .data("scopes", SCOPES.stream().filter(user::holds).toList())
                    .data("graces", GRACE_PERIODS)
                    .createUni()
                    .map(html -> Response.status(status).entity(html).build());
        });
    }

    /** Which page of keys: after a cursor, and all keys or only those flagged unused. */
    record Listing(String after, boolean unusedOnly) {

        static final Listing FIRST = new Listing("", false);

        String apiPath() {
            return "/v1/keys?limit=100" + (after.isEmpty() ? "" : "&after=" + after)
                    + (unusedOnly ? "&unused=true" : "");
        }
    }

    @TemplateData
    public record Grace(long seconds, String label) {}

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
