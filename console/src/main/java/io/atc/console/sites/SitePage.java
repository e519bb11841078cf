package io.atc.console.sites;

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
import io.atc.console.web.Times;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * One site's page: the site (rename; delete after a confirmation page; its retention settings), its
 * devices a page at a time, and registering a device, whose MQTT password the API returns once: it is
 * rendered only in the display-once dialog of the answer to the registering POST. An id that is not a
 * UUID, or the API's 404 (an unknown site, or another tenant's), leads to "No such site in this tenant".
 */
@Path("/console/sites/{siteId}")
@Produces(MediaType.TEXT_HTML)
public class SitePage {

    private final GatewayClient gateway;
    private final SignedInPages pages;
    private final Template site;
    private final Template siteConfirm;

    public SitePage(GatewayClient gateway, SignedInPages pages, Template site, Template siteConfirm) {
        this.gateway = gateway;
        this.pages = pages;
        this.site = site;
        this.siteConfirm = siteConfirm;
    }

    @GET
    public Uni<Response> view(
            @PathParam("siteId") String id,
            @QueryParam("after") String after,
            @QueryParam("done") String done,
            @BeanParam BrowserCredentials browser) {
        String siteId = Ids.uuidOrNull(id);
        return pages.view(
                browser,
                user -> siteId == null
                        ? missing()
                        : render(
                                browser,
                                user,
                                new Shown(siteId, Ids.cursor(after), notice(done), null, null),
                                Status.OK));
    }

    @POST
    @Path("/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rename(
            @PathParam("siteId") String id,
            @FormParam("csrf") String formCsrf,
            @FormParam("name") String name,
            @BeanParam BrowserCredentials browser) {
        String siteId = Ids.uuidOrNull(id);
        JsonObject draft = new JsonObject().put("name", name == null ? "" : name);
        return pages.change(
                formCsrf,
                browser,
                user -> siteId == null
                        ? missing()
                        : gateway.send(HttpMethod.PUT, "/v1/sites/" + siteId, browser, draft)
                                .flatMap(answer -> answered(
                                        browser, user, siteId, answer, "renamed", "The site was not renamed")));
    }

    @GET
    @Path("/delete")
    public Uni<Response> confirmDelete(@PathParam("siteId") String id, @BeanParam BrowserCredentials browser) {
        String siteId = Ids.uuidOrNull(id);
        return pages.view(
                browser,
                user -> siteId == null
                        ? missing()
                        : gateway.get("/v1/sites/" + siteId, browser).flatMap(answer -> {
                            if (!answer.ok()) {
                                return missing();
                            }
                            SiteRow shown = SiteRow.from(answer.json());
                            Confirmation confirmation = new Confirmation(
                                    "Delete site \"" + shown.name() + "\"?",
                                    "Site " + shown.id() + ", created " + Times.when(shown.createdAt()) + ".",
                                    "Only a site without devices can be deleted: delete its devices first. This cannot"
                                            + " be undone.",
                                    "/console/sites/" + siteId + "/delete",
                                    "Delete this site",
                                    "/console/sites/" + siteId);
                            return confirm(user, confirmation);
                        }));
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> delete(
            @PathParam("siteId") String id, @FormParam("csrf") String formCsrf, @BeanParam BrowserCredentials browser) {
        String siteId = Ids.uuidOrNull(id);
        return pages.change(
                formCsrf,
                browser,
                user -> siteId == null
                        ? missing()
                        : gateway.send(HttpMethod.DELETE, "/v1/sites/" + siteId, browser, null)
                                .flatMap(answer -> {
                                    if (answer.ok()) {
                                        return Uni.createFrom().item(Pages.seeOther("/console/sites?done=deleted"));
                                    }
                                    return answered(browser, user, siteId, answer, null, "The site was not deleted");
                                }));
    }

    @POST
    @Path("/devices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> register(
            @PathParam("siteId") String id,
            @FormParam("csrf") String formCsrf,
            @FormParam("name") String name,
            @BeanParam BrowserCredentials browser) {
        String siteId = Ids.uuidOrNull(id);
        JsonObject draft = new JsonObject().put("name", name == null ? "" : name);
        return pages.change(
                formCsrf,
                browser,
                user -> siteId == null
                        ? missing()
                        : gateway.send(HttpMethod.POST, "/v1/sites/" + siteId + "/devices", browser, draft)
                                .flatMap(answer -> registered(browser, user, siteId, answer)));
    }

    private Uni<Response> registered(
            BrowserCredentials browser, SignedInUser user, String siteId, GatewayAnswer answer) {
        if (!answer.ok()) {
            return answered(browser, user, siteId, answer, null, "The device was not registered");
        }
        DeviceRow device = DeviceRow.from(answer.json().getJsonObject("device"));
        String password = answer.json().getString("mqttPassword");
        if (password == null) {
            // A certificate-only tenant: no password exists; the device page offers its certificate.
            return Uni.createFrom()
                    .item(Pages.seeOther(DevicePage.path(siteId, device.id()) + "?done=registered-certificate-only"));
        }
        DisplayOnce secret = new DisplayOnce(
                "Device registered: " + device.name(),
                "MQTT password of " + answer.json().getString("mqttUsername"),
                password,
                "/console/sites/" + siteId);
        Shown shown = new Shown(siteId, "", "Device \"" + device.name() + "\" registered.", null, secret);
        return render(browser, user, shown, Status.OK);
    }

    /** After a change: its notice, back to the list when the site is missing, or the page with the problem. */
    private Uni<Response> answered(
            BrowserCredentials browser,
            SignedInUser user,
            String siteId,
            GatewayAnswer answer,
            String done,
            String failed) {
        if (answer.ok()) {
            return Uni.createFrom().item(Pages.seeOther("/console/sites/" + siteId + "?done=" + done));
        }
        if (answer.status() == 404) {
            return missing();
        }
        return render(browser, user, new Shown(siteId, "", null, answer.problem(failed), null), answer.pageStatus());
    }

    private Uni<Response> confirm(SignedInUser user, Confirmation confirmation) {
        return siteConfirm
                .data("user", user)
                .data("confirmation", confirmation)
                .createUni()
                .map(html -> Response.ok(html).build());
    }

    private Uni<Response> render(
            BrowserCredentials browser, SignedInUser user, Shown shown, Response.StatusType status) {
        String devicesPath = "/v1/sites/" + shown.siteId() + "/devices?limit=100"
                + (shown.after().isEmpty() ? "" : "&after=" + shown.after());
        return Uni.combine()
                .all()
                .unis(
                        gateway.get("/v1/sites/" + shown.siteId(), browser),
                        gateway.get(devicesPath, browser),
                        TransportPolicy.of(gateway, browser))
                .asTuple()
                .flatMap(answers -> {
                    GatewayAnswer siteAnswer = answers.getItem1();
                    GatewayAnswer devicesAnswer = answers.getItem2();
                    if (siteAnswer.status() == 404 && shown.secret() == null) {
                        return missing();
                    }
                    List<DeviceRow> devices = devicesAnswer.ok()
                            ? devicesAnswer.json().getJsonArray("items").stream()
                                    .map(item -> DeviceRow.from((JsonObject) item))
                                    .toList()
                            : List.of();
                    String loadError = !siteAnswer.ok()
                            ? siteAnswer.problem("The site could not be read")
                            : devicesAnswer.ok() ? null : devicesAnswer.problem("The devices could not be listed");
                    return site.data("user", user)
                            .data("site", siteAnswer.ok() ? SiteRow.from(siteAnswer.json()) : null)
                            .data("siteId", shown.siteId())
                            .data("devices", devices)
                            .data(
                                    "next",
                                    devicesAnswer.ok() ? devicesAnswer.json().getString("next") : null)
                            .data("paged", !shown.after().isEmpty())
                            .data("transport", answers.getItem3())
                            .data("notice", shown.notice())
                            .data("error", shown.error() != null ? shown.error() : loadError)
                            .data("secret", shown.secret())
                            .data("canWriteSites", user.holds("sites:write"))
                            .data("canWriteDevices", user.holds("devices:write"))
                            .createUni()
                            .map(html -> Response.status(status).entity(html).build());
                });
    }

    private static Uni<Response> missing() {
        return Uni.createFrom().item(Pages.seeOther(SitesPage.MISSING));
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "Site created. Register its devices below.";
            case "renamed" -> "Site renamed.";
            case "device-deleted" -> "The device is deleted: it was disconnected and its broker login removed.";
            case "missing-device" -> "No such device in this tenant.";
            default -> null;
        };
    }

    /** What the page shows besides the site: a page of its devices, a notice or an error, a secret once. */
    private record Shown(String siteId, String after, String notice, String error, DisplayOnce secret) {}
}
