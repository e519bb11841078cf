package io.atc.console.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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

import org.jboss.resteasy.reactive.RestMulti;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayAnswer;
import io.atc.console.gateway.GatewayClient;
import io.atc.console.session.SignedInPages;
import io.atc.console.session.SignedInUser;
import io.atc.console.web.Pages;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * The audit trail: the tenant's events page by page (oldest first, as the API lists them), one event in
 * full, verifying the chain, and downloading the export. Each is a request to the gateway's audit API with
 * the browser's session, which needs {@code audit:read}: the API decides, the page only says so first.
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    static final String SCOPE = "audit:read";
    static final String NO_SCOPE = "You need the audit:read scope to see the audit trail. Ask an admin of this tenant.";
    static final String NO_SUCH_EVENT = "No such event in this tenant.";
    private static final String JSON_LINES = "application/jsonl";

    private final GatewayClient gateway;
    private final SignedInPages pages;
    private final AuditDownloads downloads;
    private final Template audit;
    private final Template auditEvent;

    public AuditPage(
            GatewayClient gateway, SignedInPages pages, AuditDownloads downloads, Template audit, Template auditEvent) {
        this.gateway = gateway;
        this.pages = pages;
        this.downloads = downloads;
        this.audit = audit;
        this.auditEvent = auditEvent;
    }

    @GET
    public Uni<Response> trail(
            @QueryParam("limit") String limit,
            @QueryParam("after") String after,
            @QueryParam("back") String back,
            @QueryParam("seq") String seq,
            @QueryParam("action") String action,
            @QueryParam("actor") String actor,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @BeanParam BrowserCredentials browser) {
        return pages.view(browser, user -> {
            if (seq != null) {
                Long wanted = SeqRange.seqOrNull(seq);
                return wanted == null
                        ? render(
                                browser,
                                user,
                                TrailPage.first(),
                                null,
                                "Go to event: a seq is a whole number from 0.",
                                Status.BAD_REQUEST)
                        : Uni.createFrom().item(Pages.seeOther("/console/audit/" + wanted));
            }
            TrailPage page = TrailPage.parse(limit, after, back, TrailFilter.of(action, actor, since, until));
            return page.problem() != null
                    ? render(browser, user, page, null, page.problem(), Status.BAD_REQUEST)
                    : render(browser, user, page, null, null, Status.OK);
        });
    }

    @GET
    @Path("/{seq}")
    public Uni<Response> event(@PathParam("seq") String seq, @BeanParam BrowserCredentials browser) {
        Long wanted = SeqRange.seqOrNull(seq);
        return pages.view(browser, user -> {
            if (!user.holds(SCOPE)) {
                return showEvent(user, null, NO_SCOPE, Status.FORBIDDEN);
            }
            if (wanted == null) {
                return showEvent(user, null, "An event's seq is a whole number from 0.", Status.BAD_REQUEST);
            }
            return gateway.get("/v1/audit/events/" + wanted, browser).flatMap(answer -> {
                if (answer.ok()) {
                    return showEvent(user, AuditEventRow.from(answer.json()), null, Status.OK);
                }
                return answer.status() == 404
                        ? showEvent(user, null, NO_SUCH_EVENT, Status.NOT_FOUND)
                        : showEvent(user, null, answer.problem("The event could not be read"), answer.pageStatus());
            });
        });
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> verify(
            @FormParam("csrf") String formCsrf, @FormParam("mode") String mode, @BeanParam BrowserCredentials browser) {
        String checked = mode == null || mode.isBlank() ? "incremental" : mode;
        return pages.change(formCsrf, browser, user -> {
            if (!List.of("incremental", "full").contains(checked)) {
                return render(
                        browser,
                        user,
                        TrailPage.first(),
                        null,
                        "Verify: choose how much to check.",
                        Status.BAD_REQUEST);
            }
            if (!user.holds(SCOPE)) {
                return render(browser, user, TrailPage.first(), null, NO_SCOPE, Status.FORBIDDEN);
            }
            return gateway.send(HttpMethod.POST, "/v1/audit/verify?mode=" + checked, browser, null)
                    .flatMap(answer -> answer.ok()
                            ? render(
                                    browser, user, TrailPage.first(), Verification.from(answer.json()), null, Status.OK)
                            : render(
                                    browser,
                                    user,
                                    TrailPage.first(),
                                    null,
                                    answer.problem("The trail could not be verified"),
                                    answer.pageStatus()));
        });
    }

    /**
     * The export, passed on from the gateway as it arrives (never held whole) with the API's content type
     * and a file name; a refusal or a bad range is the audit page with its message instead.
     */
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public RestMulti<byte[]> export(
            @QueryParam("from_seq") String from,
            @QueryParam("to_seq") String to,
            @BeanParam BrowserCredentials browser) {
        SeqRange.Export range = SeqRange.Export.parse(from, to);
        return downloads.send(browser, user -> {
            if (range.problem() != null) {
                return instead(browser, user, range.problem(), Status.BAD_REQUEST);
            }
            if (!user.holds(SCOPE)) {
                return instead(browser, user, NO_SCOPE, Status.FORBIDDEN);
            }
            return gateway.stream(range.apiPath(), JSON_LINES, browser).flatMap(stream -> {
                if (stream.ok()) {
                    String name = range.fileName(
                            user.tenant(), LocalDate.now(ZoneOffset.UTC).toString());
                    return Uni.createFrom()
                            .item(new AuditDownloads.Download(
                                    200,
                                    Map.of(
                                            "Content-Type",
                                                    List.of(
                                                            stream.contentType() == null
                                                                    ? JSON_LINES
                                                                    : stream.contentType()),
                                            "Content-Disposition", List.of("attachment; filename=\"" + name + "\"")),
                                    stream.body()));
                }
                return stream.asAnswer()
                        .flatMap(answer -> instead(
                                browser, user, answer.problem("The export could not be made"), answer.pageStatus()));
            });
        });
    }

    /** The audit page with {@code error}, in place of a download. */
    private Uni<AuditDownloads.Download> instead(
            BrowserCredentials browser, SignedInUser user, String error, Response.StatusType status) {
        return render(browser, user, TrailPage.first(), null, error, status).map(AuditDownloads.Download::page);
    }

    private Uni<Response> showEvent(SignedInUser user, AuditEventRow event, String error, Response.StatusType status) {
        return auditEvent
                .data("user", user)
                .data("event", event)
                .data("error", error)
                .createUni()
                .map(html -> Response.status(status).entity(html).build());
    }

    private Uni<Response> render(
            BrowserCredentials browser,
            SignedInUser user,
            TrailPage page,
            Verification verification,
            String error,
            Response.StatusType status) {
        Uni<GatewayAnswer> listed = user.holds(SCOPE)
                ? gateway.get(page.apiPath(), browser)
                : Uni.createFrom().item(new GatewayAnswer(403, List.of(), null));
        return listed.flatMap(answer -> {
            List<AuditEventRow> rows = answer.ok()
                    ? answer.json().getJsonArray("items").stream()
                            .map(item -> AuditEventRow.from((JsonObject) item))
                            .toList()
                    : List.of();
            String next = answer.ok() ? answer.json().getString("next") : null;
            String listError = answer.ok()
                    ? null
                    : user.holds(SCOPE) ? answer.problem("The audit trail could not be listed") : NO_SCOPE;
            Response.StatusType shown = status.getStatusCode() == 200 && !answer.ok() ? answer.pageStatus() : status;
            return audit.data("user", user)
                    .data("events", rows)
                    .data("readable", user.holds(SCOPE))
                    .data("limit", page.limit())
                    .data("filter", page.filter())
                    .data("sizes", page.sizes())
                    .data("firstHref", page.isFirst() ? null : page.firstHref())
                    .data("previousHref", page.previousHref())
                    .data("nextHref", next == null ? null : page.nextHref(next))
                    .data("verification", verification)
                    .data("error", error != null ? error : listError)
                    .createUni()
                    .map(html -> Response.status(shown).entity(html).build());
        });
    }
}
