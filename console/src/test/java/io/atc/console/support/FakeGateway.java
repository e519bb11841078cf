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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the gateway's public API, for page tests: it answers each "METHOD path" with the JSON a
 * test gave it (404 otherwise) and keeps every request it saw, headers included, so a test can check
 * what the console sent and how it rendered the answer.
 */
public class FakeGateway implements QuarkusTestResourceLifecycleManager {

    public record Seen(String method, String pathAndQuery, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Answers "METHOD path" (the path without its query) with 200 and {@code json}. */
    public static void answer(String methodAndPath, String json) {
        ANSWERS.put(methodAndPath, json);
    }

    public static List<Seen> seen() {
        return List.copyOf(SEEN);
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
        SEEN.add(new Seen(
                exchange.getRequestMethod(),
                query == null ? path : path + "?" + query,
                Map.copyOf(exchange.getRequestHeaders())));
        String json = ANSWERS.get(exchange.getRequestMethod() + " " + path);
        byte[] body =
                (json == null ? "{\"status\":404,\"detail\":\"not here\"}" : json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", json == null ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(json == null ? 404 : 200, body.length);
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
