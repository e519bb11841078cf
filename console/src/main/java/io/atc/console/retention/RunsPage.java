package io.atc.console.retention;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

/** One purge or erasure run in full: what it deleted, up to which cutoff, its digest and its audit event. */
@Path("/console/retention/runs")
@Produces(MediaType.TEXT_HTML)
public class RunsPage {

    private final GatewayClient gateway;
    private final SignedInPages pages;
    private final Template run;

    public RunsPage(GatewayClient gateway, SignedInPages pages, Template run) {
        this.gateway = gateway;
        this.pages = pages;
        this.run = run;
    }

    @GET
    @Path("/{runId}")
    public Uni<Response> show(@PathParam("runId") String id, @BeanParam BrowserCredentials browser) {
        String runId = Ids.uuidOrNull(id);
        return pages.view(
                browser,
                user -> runId == null
                        ? noSuchRun()
                        : gateway.get("/v1/retention/runs/" + runId, browser)
                                .flatMap(answer -> answer.ok()
                                        ? run.data("user", user)
                                                .data("run", RunRow.from(answer.json()))
                                                .createUni()
                                                .map(html -> Response.ok(html).build())
                                        : noSuchRun()));
    }

    private static Uni<Response> noSuchRun() {
        return Uni.createFrom().item(Pages.seeOther("/console/retention?done=no-run"));
    }
}
