package io.atc.gateway.usage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/** Stands in for the keys-service's usage endpoint: keeps every report and answers what the test says (0: never). */
final class FakeUsageEndpoint implements AutoCloseable {

    record Report(String authorization, JsonObject body) {
        int size() {
            return body.getJsonArray("uses").size();
        }

        JsonObject use(int index) {
            return body.getJsonArray("uses").getJsonObject(index);
        }
    }

    final List<Report> reports = new CopyOnWriteArrayList<>();
    volatile int status = 204;
    private final HttpServer server;

    FakeUsageEndpoint(Vertx vertx) {
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    reports.add(new Report(request.getHeader("Authorization"), body.toJsonObject()));
                    if (status != 0) {
                        request.response().setStatusCode(status).end();
                    }
                }));
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/internal/v1/keys/usage";
    }

    int usesReported() {
        return reports.stream().mapToInt(Report::size).sum();
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
