package io.atc.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for the keys-service's verify endpoint on a free local port: answers what the test says,
 * after an optional delay, and counts every call and the most calls it had in flight at once.
 * A call without the gateway's token gets 401, as the real endpoint would answer.
 */
final class FakeKeysService implements AutoCloseable {

    record Reply(int status, String body, Duration delay) {

        static Reply verdict(JsonObject verdict) {
            return new Reply(200, verdict.encode(), Duration.ZERO);
        }

        static Reply status(int status) {
            return new Reply(status, "{\"type\":\"about:blank\"}", Duration.ZERO);
        }

        static Reply never() {
            return new Reply(200, "", null);
        }

        Reply after(Duration delay) {
            return new Reply(status, body, delay);
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final String expectedAuthorization;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger unauthorised = new AtomicInteger();
    private volatile Function<String, Reply> answer = key -> Reply.verdict(unknown());

    FakeKeysService(Vertx vertx, String gatewayToken) {
        this.vertx = vertx;
        this.expectedAuthorization = "Bearer " + gatewayToken;
        this.server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    String verifyUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/internal/v1/keys/verify";
    }

    void answer(Function<String, Reply> answer) {
        this.answer = answer;
    }

    int calls() {
        return calls.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int unauthorised() {
        return unauthorised.get();
    }

    static JsonObject unknown() {
        return new JsonObject().put("status", "unknown");
    }

    static JsonObject inactive(String status, UUID tenant, UUID keyId, String prefix) {
        return new JsonObject()
                .put("status", status)
                .put("tenant", tenant.toString())
                .put("keyId", keyId.toString())
                .put("prefix", prefix);
    }

    static JsonObject active(UUID tenant, UUID keyId, String prefix, Instant expiresAt) {
        JsonObject verdict = inactive("active", tenant, keyId, prefix)
                .put("scopes", new JsonArray().add("keys:read"))
                .put("allowedCidrs", new JsonArray().add("10.0.0.0/8"))
                .put("allowedOrigins", new JsonArray().add("https://app.example.com"));
        return expiresAt == null
                ? verdict
                : verdict.put("expiresAt", expiresAt.atOffset(ZoneOffset.UTC).toString());
    }

    private void handle(HttpServerRequest request) {
        calls.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        if (!expectedAuthorization.equals(request.getHeader("Authorization"))) {
            unauthorised.incrementAndGet();
        }
        request.body().onSuccess(body -> {
            String key = new JsonObject(body).getString("key");
            Reply reply = expectedAuthorization.equals(request.getHeader("Authorization"))
                    ? answer.apply(key)
                    : Reply.status(401);
            if (reply.delay() == null) {
                request.connection().closeHandler(closed -> inFlight.decrementAndGet());
                return;
            }
            if (reply.delay().isZero()) {
                send(request, reply);
            } else {
                vertx.setTimer(reply.delay().toMillis(), timer -> send(request, reply));
            }
        });
    }

    private void send(HttpServerRequest request, Reply reply) {
        inFlight.decrementAndGet();
        request.response()
                .setStatusCode(reply.status())
                .putHeader("Content-Type", "application/json")
                .end(reply.body());
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
