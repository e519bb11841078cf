package io.atc.console.sites;

import java.util.function.BiFunction;
import java.util.function.Function;

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
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * One device's page: its details and every action on it, each one request to the devices API with the
 * browser's session: rename, disable or enable, reset the MQTT password, issue a certificate (the
 * platform generates the key, or signs a pasted CSR), revoke its certificates and delete it (both after
 * a confirmation page). A new password or generated private key is rendered only in the display-once
 * dialog of the POST's answer; the certificate chain, which is public, is shown with it. An unknown id,
 * or another tenant's (the API's 404), leads to "No such device in this tenant", never to its data.
 */
@Path("/console/sites/{siteId}/devices/{deviceId}")
@Produces(MediaType.TEXT_HTML)
public class DevicePage {

    private final GatewayClient gateway;
    private final SignedInPages pages;
    private final Template device;
    private final Template siteConfirm;

    public DevicePage(GatewayClient gateway, SignedInPages pages, Template device, Template siteConfirm) {
        this.gateway = gateway;
        this.pages = pages;
        this.device = device;
        this.siteConfirm = siteConfirm;
    }

    static String path(String siteId, String deviceId) {
        return "/console/sites/" + siteId + "/devices/" + deviceId;
    }

    @GET
    public Uni<Response> view(
            @PathParam("siteId") String site,
            @PathParam("deviceId") String id,
            @QueryParam("done") String done,
            @BeanParam BrowserCredentials browser) {
        Target target = Target.of(site, id);
        return pages.view(
                browser,
                user -> target == null
                        ? missing(site)
                        : render(browser, user, target, Shown.notice(notice(done)), Status.OK));
    }

    @POST
    @Path("/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rename(
            @PathParam("siteId") String site,
            @PathParam("deviceId") String id,
            @FormParam("csrf") String formCsrf,
            @FormParam("name") String name,
            @BeanParam BrowserCredentials browser) {
        JsonObject patch = new JsonObject().put("name", name == null ? "" : name);
        return patch(site, id, formCsrf, browser, patch, "renamed", "not renamed");
    }

    @POST
    @Path("/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> enable(
            @PathParam("siteId") String site,
            @PathParam("deviceId") String id,
            @FormParam("csrf") String formCsrf,
            @FormParam("enabled") String enabled,
            @BeanParam BrowserCredentials browser) {
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            Target target = Target.of(site, id);
            return pages.change(
                    formCsrf,
                    browser,
                    user -> target == null
                            ? missing(site)
                            : render(
                                    browser,
                                    user,
                                    target,
                                    Shown.error("Choose to enable or to disable the device."),
                                    Status.BAD_REQUEST));
        }
        boolean on = Boolean.parseBoolean(enabled);
        JsonObject patch = new JsonObject().put("enabled", on);
        return patch(
                site, id, formCsrf, browser, patch, on ? "enabled" : "disabled", on ? "not enabled" : "not disabled");
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> resetPassword(
            @PathParam("siteId") String site,
            @PathParam("deviceId") String id,
            @FormParam("csrf") String formCsrf,
            @BeanParam BrowserCredentials browser) {
        Target target = Target.of(site, id);
        return pages.change(
                formCsrf,
                browser,
                user -> target == null
                        ? missing(site)
                        : gateway.send(HttpMethod.POST, target.api() + "/password", browser, null)
                                .flatMap(answer -> {
                                    if (!answer.ok()) {
                                        return failed(browser, user, target, answer, "The password was not reset");
                                    }
                                    DisplayOnce secret = new DisplayOnce(
                                            "New MQTT password: "
                                                    + answer.json()
                                                            .getJsonObject("device")
                                                            .getString("name"),
                                            "MQTT password of " + answer.json().getString("mqttUsername"),
                                            answer.json().getString("mqttPassword"),
                                            target.page());
                                    return render(
                                            browser,
                                            user,
                                            target,
                                            new Shown(
                                                    "Password reset: the old one stops working and the device was"
                                                            + " disconnected.",
                                                    null,
                                                    secret,
                                                    null),
                                            Status.OK);
                                }));
    }

    @POST
    @Path("/certificates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> issueCertificate(
            @PathParam("siteId") String site,
            @PathParam("deviceId") String id,
            @FormParam("csrf") String formCsrf,
            @FormParam("csr") String csr,
            @BeanParam BrowserCredentials browser) {
        Target target = Target.of(site, id);
        JsonObject request = csr == null || csr.isBlank() ? new JsonObject() : new JsonObject().put("csr", csr.strip());
        return pages.change(
                formCsrf,
                browser,
                user -> target == null
                        ? missing(site)
                        : gateway.send(HttpMethod.POST, target.api() + "/certificates", browser, request)
                                .flatMap(answer -> issued(browser, user, target, answer)));
    }

    private Uni<Response> issued(BrowserCredentials browser, SignedInUser user, Target target, GatewayAnswer answer) {
        if (!answer.ok()) {
            return failed(browser, user, target, answer, "No certificate was issued");
        }
        IssuedCertificate certificate = IssuedCertificate.from(answer.json());
        String privateKey = answer.json().getString("privateKey");
        DisplayOnce secret = privateKey == null
                ? null
                : new DisplayOnce(
                        "Certificate issued: private key",
                        "Private key (PEM, PKCS#8) for the certificate " + certificate.serial(),
                        privateKey,
                        target.page());
        String notice = "Certificate " + certificate.serial() + " issued"
                + (certificate.revokedSerials().isEmpty() ? "." : "; the device's previous certificates are revoked.");
        return render(browser, user, target, new Shown(notice, null, secret, certificate), Status.OK);
    }

    @GET
    @Path("/revoke-certificates")
    public Uni<Response> confirmRevoke(
            @PathParam("siteId") String site, @PathParam("deviceId") String id, @BeanParam BrowserCredentials browser) {
        return confirm(
                site,
                id,
                browser,
                (target, shown) -> new Confirmation(
                        "Revoke the certificates of \"" + shown.name() + "\"?",
                        "Device " + shown.name() + ", certificate subject CN=" + shown.mqttUsername() + ".",
                        "Every valid certificate of this device is revoked and added to its CRL; its certificate login at"
                                + " the broker is removed and its sessions dropped. Its MQTT password, if it has one, keeps"
                                + " working. This cannot be undone: the device needs a new certificate.",
                        target.page() + "/revoke-certificates",
                        "Revoke its certificates",
                        target.page()));
    }

    @POST
    @Path("/revoke-certificates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revokeCertificates(
            @PathParam("siteId") String site,
            @PathParam("deviceId") String id,
            @FormParam("csrf") String formCsrf,
            @BeanParam BrowserCredentials browser) {
        return act(
                site,
                id,
                formCsrf,
                browser,
                new Action(HttpMethod.DELETE, "/certificates", null, "The certificates were not revoked"),
                target -> target.page() + "?done=revoked");
    }

    @GET
    @Path("/delete")
    public Uni<Response> confirmDelete(
            @PathParam("siteId") String site, @PathParam("deviceId") String id, @BeanParam BrowserCredentials browser) {
        return confirm(
                site,
                id,
                browser,
                (target, shown) -> new Confirmation(
                        "Delete device \"" + shown.name() + "\"?",
                        "Device " + shown.name() + ", MQTT username " + shown.mqttUsername() + ".",
                        "The device is disconnected at once and its broker logins (password and certificate) are removed."
                                + " This cannot be undone.",
                        target.page() + "/delete",
                        "Delete this device",
                        target.page()));
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> delete(
            @PathParam("siteId") String site,
            @PathParam("deviceId") String id,
            @FormParam("csrf") String formCsrf,
            @BeanParam BrowserCredentials browser) {
        return act(
                site,
                id,
                formCsrf,
                browser,
                new Action(HttpMethod.DELETE, "", null, "The device was not deleted"),
                target -> "/console/sites/" + target.siteId() + "?done=device-deleted");
    }

    private Uni<Response> patch(
            String site,
            String id,
            String formCsrf,
            BrowserCredentials browser,
            JsonObject patch,
            String done,
            String failed) {
        return act(
                site,
                id,
                formCsrf,
                browser,
                new Action(HttpMethod.PATCH, "", patch, "The device was " + failed),
                target -> target.page() + "?done=" + done);
    }

    /**
     * A change with nothing to show but its outcome: the request, then to {@code done}'s page, or this page
     * with the API's problem (an unknown device: to "No such device").
     */
    private Uni<Response> act(
            String site,
            String id,
            String formCsrf,
            BrowserCredentials browser,
            Action action,
            Function<Target, String> done) {
        Target target = Target.of(site, id);
        return pages.change(
                formCsrf,
                browser,
                user -> target == null
                        ? missing(site)
                        : gateway.send(action.method(), target.api() + action.apiSuffix(), browser, action.body())
                                .flatMap(answer -> answer.ok()
                                        ? done(done.apply(target))
                                        : failed(browser, user, target, answer, action.failed())));
    }

    private Uni<Response> confirm(
            String site, String id, BrowserCredentials browser, BiFunction<Target, DeviceRow, Confirmation> question) {
        Target target = Target.of(site, id);
        return pages.view(
                browser,
                user -> target == null
                        ? missing(site)
                        : gateway.get(target.api(), browser)
                                .flatMap(answer -> answer.ok()
                                        ? siteConfirm
                                                .data("user", user)
                                                .data(
                                                        "confirmation",
                                                        question.apply(target, DeviceRow.from(answer.json())))
                                                .createUni()
                                                .map(html -> Response.ok(html).build())
                                        : missing(target.siteId())));
    }

    private Uni<Response> failed(
            BrowserCredentials browser, SignedInUser user, Target target, GatewayAnswer answer, String what) {
        if (answer.status() == 404) {
            return missing(target.siteId());
        }
        return render(browser, user, target, Shown.error(answer.problem(what)), answer.pageStatus());
    }

    private Uni<Response> render(
            BrowserCredentials browser, SignedInUser user, Target target, Shown shown, Response.StatusType status) {
        return Uni.combine()
                .all()
                .unis(
                        gateway.get("/v1/sites/" + target.siteId(), browser),
                        gateway.get(target.api(), browser),
                        TransportPolicy.of(gateway, browser))
                .asTuple()
                .flatMap(answers -> {
                    GatewayAnswer siteAnswer = answers.getItem1();
                    GatewayAnswer deviceAnswer = answers.getItem2();
                    if (!shown.answersAChange() && siteAnswer.status() == 404) {
                        return Uni.createFrom().item(Pages.seeOther(SitesPage.MISSING));
                    }
                    if (!shown.answersAChange() && deviceAnswer.status() == 404) {
                        return missing(target.siteId());
                    }
                    String loadError = deviceAnswer.ok() ? null : deviceAnswer.problem("The device could not be read");
                    return device.data("user", user)
                            .data("site", siteAnswer.ok() ? SiteRow.from(siteAnswer.json()) : null)
                            .data("siteId", target.siteId())
                            .data("device", deviceAnswer.ok() ? DeviceRow.from(deviceAnswer.json()) : null)
                            .data("page", target.page())
                            .data("transport", answers.getItem3())
                            .data("notice", shown.notice())
                            .data("error", shown.error() != null ? shown.error() : loadError)
                            .data("secret", shown.secret())
                            .data("certificate", shown.certificate())
                            .data("canWrite", user.holds("devices:write"))
                            .createUni()
                            .map(html -> Response.status(status).entity(html).build());
                });
    }

    private static Uni<Response> done(String path) {
        return Uni.createFrom().item(Pages.seeOther(path));
    }

    /** To the site's page with "No such device", or to the sites with "No such site" when the site id is not one. */
    private static Uni<Response> missing(String site) {
        String siteId = Ids.uuidOrNull(site);
        return done(siteId == null ? SitesPage.MISSING : "/console/sites/" + siteId + "?done=missing-device");
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "renamed" -> "Device renamed.";
            case "disabled" -> "Device disabled: it was disconnected and its logins are refused until it is enabled.";
            case "enabled" -> "Device enabled: it may log in again.";
            case "revoked" -> "Every valid certificate of this device is revoked; its certificate login is removed.";
            case "registered-certificate-only" ->
                "Device registered. This tenant's devices log in with a certificate"
                        + " only: issue its certificate below.";
            default -> null;
        };
    }

    /** A request on the device's API path (plus {@code apiSuffix}), and what its page says when refused. */
    private record Action(HttpMethod method, String apiSuffix, JsonObject body, String failed) {}

    /** A device of a site, both ids canonical UUIDs; null when either is not one. */
    private record Target(String siteId, String deviceId) {

        static Target of(String site, String device) {
            String siteId = Ids.uuidOrNull(site);
            String deviceId = Ids.uuidOrNull(device);
            return siteId == null || deviceId == null ? null : new Target(siteId, deviceId);
        }

        String api() {
            return "/v1/sites/" + siteId + "/devices/" + deviceId;
        }

        String page() {
            return path(siteId, deviceId);
        }
    }

    /** What the page shows besides the device: a notice or an error, a secret once, a certificate just issued. */
    private record Shown(String notice, String error, DisplayOnce secret, IssuedCertificate certificate) {

        static Shown notice(String notice) {
            return new Shown(notice, null, null, null);
        }

        static Shown error(String error) {
            return new Shown(null, error, null, null);
        }

        /** Whether it carries what only this answer can show (a secret, a new certificate): never redirected away. */
        boolean answersAChange() {
            return secret != null || certificate != null;
        }
    }
}
