package io.atc.console.retention;

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
import io.atc.console.web.Ids;
import io.atc.console.web.Pages;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * The retention page: the tenant's default retention (edited here), its legal holds and its recent
 * purge and erasure runs. Every read and change is one request to the retention API with the browser's
 * session, so the scopes, the 1-3650 rule, the audit trail and tenant isolation are the API's own.
 */
@Path("/console/retention")
@Produces(MediaType.TEXT_HTML)
public class RetentionPage {

    private final GatewayClient gateway;
    private final SignedInPages pages;
    private final RetentionOverview overview;

    public RetentionPage(GatewayClient gateway, SignedInPages pages, RetentionOverview overview) {
        this.gateway = gateway;
        this.pages = pages;
        this.overview = overview;
    }

    @GET
    public Uni<Response> show(
            @QueryParam("holds") String holds,
            @QueryParam("holdsAfter") String holdsAfter,
            @QueryParam("runsAfter") String runsAfter,
            @QueryParam("holdSite") String holdSite,
            @QueryParam("done") String done,
            @BeanParam BrowserCredentials browser) {
        Overview view = new Overview(
                "all".equals(holds),
                Ids.cursor(holdsAfter),
                Ids.cursor(runsAfter),
                Notice.of(done),
                null,
                null,
                HoldForm.onSite(Ids.uuidOrNull(holdSite)));
        return pages.view(browser, user -> overview.render(browser, user, view, Status.OK));
    }

    @POST
    @Path("/defaults")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveDefaults(
            @FormParam("csrf") String formCsrf,
            @FormParam("eventsDays") String eventsDays,
            @FormParam("imagesDays") String imagesDays,
            @BeanParam BrowserCredentials browser) {
        DaysForm typed = new DaysForm(eventsDays, imagesDays);
        return pages.change(formCsrf, browser, user -> gateway.send(
                        HttpMethod.PUT, "/v1/retention/defaults", browser, typed.change())
                .flatMap(answer -> answer.ok()
                        ? Uni.createFrom().item(Pages.seeOther("/console/retention?done=defaults-saved"))
                        : overview.render(
                                browser,
                                user,
                                Overview.first()
                                        .refusedDefaults(answer.problem("The default retention was not saved"), typed),
                                answer.pageStatus())));
    }
}
