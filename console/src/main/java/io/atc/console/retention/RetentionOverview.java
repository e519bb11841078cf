package io.atc.console.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayAnswer;
import io.atc.console.gateway.GatewayClient;
import io.atc.console.session.SignedInUser;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Renders the retention page: the tenant's default retention, its legal holds and its recent runs, read
 * from the API at once; what cannot be read is named on the page rather than failing it.
 */
@ApplicationScoped
public class RetentionOverview {

    private final GatewayClient gateway;
    private final Template retention;

    public RetentionOverview(GatewayClient gateway, Template retention) {
        this.gateway = gateway;
        this.retention = retention;
    }

    Uni<Response> render(BrowserCredentials browser, SignedInUser user, Overview view, Response.StatusType status) {
        return Uni.combine()
                .all()
                .unis(
                        gateway.get("/v1/retention/defaults", browser),
                        gateway.get(view.holdsPath(), browser),
                        gateway.get(view.runsPath(), browser))
                .asTuple()
                .flatMap(answers -> {
                    GatewayAnswer defaults = answers.getItem1();
                    GatewayAnswer holds = answers.getItem2();
                    GatewayAnswer runs = answers.getItem3();
                    List<String> errors = new ArrayList<>();
                    if (view.error() != null) {
                        errors.add(view.error());
                    }
                    RetentionLevel level = defaults.ok() ? RetentionLevel.from(defaults.json()) : null;
                    if (!defaults.ok()) {
                        errors.add(defaults.problem("The default retention could not be read"));
                    }
                    if (!holds.ok()) {
                        errors.add(holds.problem("The legal holds could not be listed"));
                    }
                    if (!runs.ok()) {
                        errors.add(runs.problem("The retention runs could not be listed"));
                    }
                    DaysForm typed = view.defaultsTyped() != null
                            ? view.defaultsTyped()
                            : level == null ? DaysForm.EMPTY : DaysForm.of(level);
                    return retention
                            .data("user", user)
                            .data("defaults", level)
                            .data("typed", typed)
                            .data("holds", rows(holds, HoldRow::from))
                            .data("holdsNext", holds.ok() ? holds.json().getString("next") : null)
                            .data("allHolds", view.allHolds())
                            .data("hold", view.holdTyped())
                            .data("runs", rows(runs, RunRow::from))
                            .data("runsNext", runs.ok() ? runs.json().getString("next") : null)
                            .data("notice", view.notice())
                            .data("errors", errors)
                            .data("canWrite", user.holds("retention:write"))
                            .data("canRelease", user.holds("admin"))
                            .createUni()
                            .map(html -> Response.status(
                                            status == Status.OK && !defaults.ok() ? defaults.pageStatus() : status)
                                    .entity(html)
                                    .build());
                });
    }

    static <T> List<T> rows(GatewayAnswer answer, Function<JsonObject, T> row) {
        if (!answer.ok() || answer.json().getJsonArray("items") == null) {
            return List.of();
        }
        return answer.json().getJsonArray("items").stream()
                .map(item -> row.apply((JsonObject) item))
                .toList();
    }
}
