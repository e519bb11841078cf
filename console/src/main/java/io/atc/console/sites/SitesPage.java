package io.atc.console.sites;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayClient;
import io.atc.console.session.SignedInPages;
import io.atc.console.session.SignedInUser;
import io.atc.console.web.Ids;
import io.atc.console.web.Pages;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * The sites page: the tenant's sites, a page at a time, and a form to create one. Each action is one
 * request to the gateway's sites API with the browser's session, so scopes, RLS and the audit trail are
 * the API's own; the page only offers creating to a user who holds {@code sites:write}.
 */
@Path("/console/sites")
@Produces(MediaType.TEXT_HTML)
public class SitesPage {

    static final String MISSING = "/console/sites?done=missing";

    private final GatewayClient gateway;
    private final SignedInPages pages;
    private final Template sites;

    public SitesPage(GatewayClient gateway, SignedInPages pages, Template sites) {
        this.gateway = gateway;
        this.pages = pages;
        this.sites = sites;
    }

    @GET
    public Uni<Response> list(
            @QueryParam("after") String after, @QueryParam("done") String done, @BeanParam BrowserCredentials browser) {
        return pages.view(browser, user -> render(browser, user, Ids.cursor(after), notice(done), null, Status.OK));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(
            @FormParam("csrf") String formCsrf, @FormParam("name") String name, @BeanParam BrowserCredentials browser) {
        JsonObject draft = new JsonObject().put("name", name == null ? "" : name);
        return pages.change(formCsrf, browser, user -> gateway.send(HttpMethod.POST, "/v1/sites", browser, draft)
                .flatMap(answer -> {
                    String siteId = answer.ok() ? Ids.uuidOrNull(answer.json().getString("id")) : null;
                    if (siteId != null) {
                        return Uni.createFrom().item(Pages.seeOther("/console/sites/" + siteId + "?done=created"));
                    }
                    return render(
                            browser, user, "", null, answer.problem("The site was not created"), answer.pageStatus());
                }));
    }

    private Uni<Response> render(
            BrowserCredentials browser,
            SignedInUser user,
            String after,
            String notice,
            String error,
            Response.StatusType status) {
        String path = "/v1/sites?limit=100" + (after.isEmpty() ? "" : "&after=" + after);
        return gateway.get(path, browser).flatMap(answer -> {
            List<SiteRow> rows = answer.ok()
                    ? answer.json().getJsonArray("items").stream()
                            .map(item -> SiteRow.from((JsonObject) item))
                            .toList()
                    : List.of();
            String listError = answer.ok() ? null : answer.problem("The sites could not be listed");
            return sites.data("user", user)
                    .data("sites", rows)
                    .data("next", answer.ok() ? answer.json().getString("next") : null)
                    .data("paged", !after.isEmpty())
                    .data("notice", notice)
                    .data("error", error != null ? error : listError)
                    .data("canWrite", user.holds("sites:write"))
                    .createUni()
                    .map(html -> Response.status(status).entity(html).build());
        });
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "deleted" -> "The site is deleted.";
            case "missing" -> "No such site in this tenant.";
            default -> null;
        };
    }
}
