package io.atc.console.retention;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayClient;
import io.atc.console.session.SignedInPages;
import io.atc.console.web.Ids;
import io.atc.console.web.Pages;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * Legal holds: placing one (on a site or a device) and releasing one after a confirmation page that says
 * what releasing lets the purge do. Releasing needs {@code admin} on the API; a hold of another tenant is
 * 404 there, which the page reports as no such hold.
 */
@Path("/console/retention/holds")
@Produces(MediaType.TEXT_HTML)
public class HoldsPage {

    private final GatewayClient gateway;
    private final SignedInPages pages;
    private final RetentionOverview overview;
    private final Template release;

    public HoldsPage(GatewayClient gateway, SignedInPages pages, RetentionOverview overview, Template release) {
        this.gateway = gateway;
        this.pages = pages;
        this.overview = overview;
        this.release = release;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> place(
            @FormParam("csrf") String formCsrf,
            @FormParam("target") String target,
            @FormParam("id") String id,
            @FormParam("reason") String reason,
            @FormParam("endsOn") String endsOn,
            @BeanParam BrowserCredentials browser) {
        HoldForm typed = HoldForm.typed(target, id, reason, endsOn);
        return pages.change(
                formCsrf, browser, user -> gateway.send(HttpMethod.POST, "/v1/retention/holds", browser, typed.draft())
                        .flatMap(answer -> answer.ok()
                                ? Uni.createFrom().item(Pages.seeOther("/console/retention?done=held"))
                                : overview.render(
                                        browser,
                                        user,
                                        Overview.first().refusedHold(answer.problem("The hold was not placed"), typed),
                                        answer.pageStatus())));
    }

    @GET
    @Path("/{holdId}/release")
    public Uni<Response> confirmRelease(@PathParam("holdId") String id, @BeanParam BrowserCredentials browser) {
        String holdId = Ids.uuidOrNull(id);
        return pages.view(
                browser,
                user -> holdId == null
                        ? done("no-hold")
                        : gateway.get("/v1/retention/holds/" + holdId, browser).flatMap(answer -> {
                            if (!answer.ok()) {
                                return done("no-hold");
                            }
                            HoldRow hold = HoldRow.from(answer.json());
                            return hold.releasedAt() != null
                                    ? done("already-released")
                                    : release.data("user", user)
                                            .data("hold", hold)
                                            .createUni()
                                            .map(html -> Response.ok(html).build());
                        }));
    }

    @POST
    @Path("/{holdId}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> release(
            @PathParam("holdId") String id, @FormParam("csrf") String formCsrf, @BeanParam BrowserCredentials browser) {
        String holdId = Ids.uuidOrNull(id);
        return pages.change(
                formCsrf,
                browser,
                user -> holdId == null
                        ? done("no-hold")
                        : gateway.send(HttpMethod.DELETE, "/v1/retention/holds/" + holdId, browser, null)
                                .flatMap(answer -> switch (answer.status()) {
                                    case 200 -> done("released");
                                    case 404 -> done("no-hold");
                                    case 409 -> done("already-released");
                                    default ->
                                        overview.render(
                                                browser,
                                                user,
                                                Overview.first().failed(answer.problem("The hold was not released")),
                                                answer.pageStatus());
                                }));
    }

    private static Uni<Response> done(String outcome) {
        return Uni.createFrom().item(Pages.seeOther("/console/retention?done=" + outcome));
    }
}
