package io.atc.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.gateway.config.GatewayConfig;
import io.atc.testkit.config.ConfigMappings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * The preflight decision on a real HTTP server, answered the way the gateway's pipeline answers it
 * (204, or 403 problem+json): what is a preflight, and what goes on the wire for an allowed and a
 * denied one.
 */
class PreflightOverHttpTests {

    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        PreflightOrigins origins = new PreflightOrigins();
        origins.replace(Set.of("https://app.tenant-a.example"));
        CorsPolicy cors = new CorsPolicy(
                origins,
                CorsRules.of(ConfigMappings.defaults(GatewayConfig.class).cors()));
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> {
                    if (request.method() == io.vertx.core.http.HttpMethod.OPTIONS
                            && request.headers().contains("Origin")
                            && request.headers().contains("Access-Control-Request-Method")) {
                        if (cors.decidePreflight(
                                request.headers(), request.response().headers())) {
                            request.response().setStatusCode(204).end();
                        } else {
                            request.response()
                                    .setStatusCode(403)
                                    .putHeader("Content-Type", "application/problem+json")
                                    .end(new JsonObject()
                                            .put("type", "urn:atc:problem:forbidden")
                                            .put("status", 403)
                                            .put("instance", request.path())
                                            .encode());
                        }
                    } else {
                        request.response().setStatusCode(200).end("not a preflight");
                    }
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAllowedPreflightIs204WithTheCorsHeaders() throws Exception {
        HttpResponse<String> response = send(options("https://app.tenant-a.example", "DELETE"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://app.tenant-a.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET, POST, PUT, PATCH, DELETE");
        assertThat(response.headers().firstValue("Vary"))
                .hasValue("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aDeniedPreflightIs403ProblemJsonWithVaryAndNoCorsHeader() throws Exception {
        HttpResponse<String> response = send(options("https://evil.example", "DELETE"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Vary"))
                .hasValue("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        assertThat(response.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("urn:atc:problem:forbidden");
        assertThat(problem.getInteger("status")).isEqualTo(403);
        assertThat(problem.getString("instance")).isEqualTo("/v1/sites");
        assertThat(response.body()).doesNotContain("tenant-a");
    }

    @Test
    void onlyOptionsWithOriginAndRequestMethodIsAPreflight() throws Exception {
        HttpRequest plainOptions = HttpRequest.newBuilder(uri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.tenant-a.example")
                .build();
        HttpRequest getWithPreflightHeaders = HttpRequest.newBuilder(uri())
                .GET()
                .header("Origin", "https://app.tenant-a.example")
                .header("Access-Control-Request-Method", "GET")
                .build();

        assertThat(send(plainOptions).body()).isEqualTo("not a preflight");
        assertThat(send(getWithPreflightHeaders).body()).isEqualTo("not a preflight");
    }

    private static HttpRequest options(String origin, String method) {
        return HttpRequest.newBuilder(uri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .build();
    }

    private static URI uri() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/sites");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
