package io.atc.console.retention;

import java.util.ArrayList;
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
import io.atc.console.web.Ids;
import io.atc.console.web.Pages;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * A site's retention: its effective days for events and images and where each is set (on the site, the
 * tenant's default or the platform's), the form that sets the site's own values, the preview of what the
 * next purge would delete (with the saved values, or, before saving, with the values typed), and the site's
 * recent runs. A site the API does not find in the user's tenant
 * (unknown or another tenant's) is a 404 page that shows nothing else.
 */
@Path("/console/sites/{siteId}/retention")
@Produces(MediaType.TEXT_HTML)
public class SiteRetentionPage {

    private static final int RUNS_SHOWN = 5;
    private static final String PREVIEW = "preview";

    private final GatewayClient gateway;
    private final SignedInPages pages;
    private final Template siteRetention;

    public SiteRetentionPage(GatewayClient gateway, SignedInPages pages, Template siteRetention) {
        this.gateway = gateway;
        this.pages = pages;
        this.siteRetention = siteRetention;
    }

    @GET
    public Uni<Response> show(
            @PathParam("siteId") String id, @QueryParam("done") String done, @BeanParam BrowserCredentials browser) {
        String siteId = Ids.uuidOrNull(id);
        return pages.view(browser, user -> render(browser, user, siteId, null, null, Notice.of(done), null, Status.OK));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(
            @PathParam("siteId") String id,
            @FormParam("csrf") String formCsrf,
            @FormParam("eventsDays") String eventsDays,
            @FormParam("imagesDays") String imagesDays,
            @FormParam("intent") String intent,
            @BeanParam BrowserCredentials browser) {
        String siteId = Ids.uuidOrNull(id);
        DaysForm typed = new DaysForm(eventsDays, imagesDays);
        if (PREVIEW.equals(intent)) {
            // A what-if before saving: the same form, counted with the typed values, nothing saved.
            return pages.change(
                    formCsrf, browser, user -> render(browser, user, siteId, typed, typed, null, null, Status.OK));
        }
        return pages.change(
                formCsrf,
                browser,
                user -> siteId == null
                        ? missing(user)
                        : gateway.send(HttpMethod.PUT, settingsPath(siteId), browser, typed.change())
                                .flatMap(answer -> answer.ok()
                                        ? Uni.createFrom()
                                                .item(Pages.seeOther(
                                                        "/console/sites/" + siteId + "/retention?done=saved"))
                                        : render(
                                                browser,
                                                user,
                                                siteId,
                                                typed,
                                                null,
                                                null,
                                                answer.problem("This site's retention was not saved"),
                                                answer.pageStatus())));
    }

    private Uni<Response> render(
            BrowserCredentials browser,
            SignedInUser user,
            String siteId,
            DaysForm typed,
            DaysForm whatIf,
            String notice,
            String error,
            Response.StatusType status) {
        if (siteId == null) {
            return missing(user);
        }
        return gateway.get(settingsPath(siteId), browser).flatMap(settings -> {
            if (settings.status() == 404) {
                return missing(user);
            }
            return Uni.combine()
                    .all()
                    .unis(
                            gateway.get(
                                    settingsPath(siteId) + "/preview"
                                            + (whatIf == null ? "" : "?" + whatIf.previewQuery()),
                                    browser),
                            gateway.get("/v1/sites/" + siteId, browser),
                            gateway.get("/v1/retention/runs?limit=" + RUNS_SHOWN + "&siteId=" + siteId, browser),
                            gateway.get("/v1/retention/defaults", browser))
                    .asTuple()
                    .flatMap(answers -> {
                        GatewayAnswer preview = answers.getItem1();
                        GatewayAnswer site = answers.getItem2();
                        GatewayAnswer runs = answers.getItem3();
                        GatewayAnswer defaults = answers.getItem4();
                        List<String> errors = new ArrayList<>();
                        if (error != null) {
                            errors.add(error);
                        }
                        if (!settings.ok()) {
                            errors.add(settings.problem("This site's retention could not be read"));
                        }
                        if (!preview.ok()) {
                            errors.add(preview.problem(
                                    whatIf == null
                                            ? "The preview could not be counted"
                                            : "The values typed could not be previewed; nothing was saved"));
                        }
                        RetentionLevel level = settings.ok() ? RetentionLevel.from(settings.json()) : null;
                        return siteRetention
                                .data("user", user)
                                .data("missing", false)
                                .data("siteId", siteId)
                                .data("siteName", site.ok() ? site.json().getString("name") : null)
                                .data("settings", level)
                                .data(
                                        "typed",
                                        typed != null ? typed : level == null ? DaysForm.EMPTY : DaysForm.of(level))
                                .data("defaults", defaults.ok() ? RetentionLevel.from(defaults.json()) : null)
                                .data("preview", preview.ok() ? Preview.from(preview.json()) : null)
                                .data("whatIf", whatIf != null)
                                .data("runs", RetentionOverview.rows(runs, RunRow::from))
                                .data("notice", notice)
                                .data("errors", errors)
                                .data("canWrite", user.holds("retention:write"))
                                .createUni()
                                .map(html -> Response.status(pageStatus(status, settings, whatIf, preview))
                                        .entity(html)
                                        .build());
                    });
        });
    }

    /** The status asked for; else a failed read's; else, for a what-if, the preview's (422 for a bad value). */
    private static Response.StatusType pageStatus(
            Response.StatusType status, GatewayAnswer settings, DaysForm whatIf, GatewayAnswer preview) {
        if (status != Status.OK) {
            return status;
        }
        if (!settings.ok()) {
            return settings.pageStatus();
        }
        return whatIf != null && !preview.ok() ? preview.pageStatus() : status;
    }

    private Uni<Response> missing(SignedInUser user) {
        return siteRetention
                .data("user", user)
                .data("missing", true)
                .data("errors", List.of(Notice.NO_SITE))
                .createUni()
                .map(html -> Response.status(Status.NOT_FOUND).entity(html).build());
    }

    private static String settingsPath(String siteId) {
        return "/v1/sites/" + siteId + "/retention";
    }
}
