package io.atc.console.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the gateway's public API, for page tests: it answers each "METHOD path" as a test told
 * it (otherwise the API's 404, as for another tenant's id) and keeps every request it saw, headers and
 * body included, so a test can check what the console sent and how it rendered the answer.
 */
public class FakeGateway implements QuarkusTestResourceLifecycleManager {

    public record Seen(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An answer: the status and JSON body. */
    public record Reply(int status, String json) {}

    private static final Map<String, Function<Seen, Reply>> ANSWERS = new ConcurrentHashMap<>();
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /**
     * Answers "METHOD path" with 200 and {@code json}; the path may include the query, which is then matched
     * exactly, or leave it out to match any query.
     */
    public static void answer(String methodAndPath, String json) {
        answerWith(methodAndPath, request -> new Reply(200, json));
    }

    /** Answers "METHOD path" with what {@code reply} makes of the request (its cookies, its body). */
    public static void answerWith(String methodAndPath, Function<Seen, Reply> reply) {
        ANSWERS.put(methodAndPath, reply);
    }

    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    /** The requests seen, as "METHOD path?query". */
    public static List<String> requests() {
        return SEEN.stream()
                .map(seen -> seen.method() + " " + seen.pathAndQuery())
                .toList();
    }

    public static void forgetRequests() {
        SEEN.clear();
    }

    public static void reset() {
        ANSWERS.clear();
        SEEN.clear();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of(
                "atc.console.gateway-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        Seen seen = new Seen(
                method,
                query == null ? path : path + "?" + query,
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        SEEN.add(seen);
        Function<Seen, Reply> answer =
                ANSWERS.getOrDefault(method + " " + seen.pathAndQuery(), ANSWERS.get(method + " " + path));
        Reply reply =
                answer == null ? new Reply(404, "{\"status\":404,\"detail\":\"Not found.\"}") : answer.apply(seen);
        byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", reply.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
