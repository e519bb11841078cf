package io.atc.gateway.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The services behind the gateway, as a test needs them: one listener per upstream name, each
 * recording what it received. By the last path segment: {@code slow} never answers (and notes when
 * the gateway gives up on it), {@code upload} counts body bytes as they arrive, {@code download}
 * streams {@code ?bytes=n} bytes, {@code hop} answers with hop-by-hop and CORS headers,
 * {@code closes-reused} closes a connection that already served a request instead of answering;
 * anything else is echoed (a HEAD gets the Content-Length of its GET and no body).
 */
public final class TestUpstream {

    /** One request as an upstream saw it. */
    public record Seen(String upstream, String method, String uri, MultiMap headers, long bodyBytes) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private static TestUpstream running;

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Integer> ports;
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    private final AtomicLong uploaded = new AtomicLong();
    private final Set<io.vertx.core.http.HttpConnection> served =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    private TestUpstream(List<Integer> ports) throws Exception {
        List<Integer> bound = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            String name = UpstreamTestResources.UPSTREAMS[i];
            HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(name, request));
            servers.add(server.listen(ports.get(i), "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
            bound.add(servers.get(i).actualPort());
        }
        this.ports = bound;
    }

    /**
     * Starts the upstreams on ports the system picks, before the gateway's configuration names them:
     * a port picked free and bound later can be taken in between (an outgoing connection's local port
     * comes from the same range).
     */
    static synchronized List<Integer> startOnFreePorts() {
        stopAll();
        try {
            running = new TestUpstream(java.util.Collections.nCopies(UpstreamTestResources.UPSTREAMS.length, 0));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test upstreams", e);
        }
        return running.ports;
    }

    /** The upstreams on the ports of the running gateway's configuration (started by {@link UpstreamTestResources}, again only if stopped). */
    public static synchronized TestUpstream started() {
        List<Integer> ports = new ArrayList<>();
        for (String name : UpstreamTestResources.UPSTREAMS) {
            ports.add(URI.create(
                            ConfigProvider.getConfig().getValue("atc.gateway.upstreams." + name + ".url", String.class))
                    .getPort());
        }
        if (running == null || !running.ports.equals(ports)) {
            stopAll();
            try {
                running = new TestUpstream(ports);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test upstreams on " + ports, e);
            }
        }
        running.seen.clear();
        running.uploaded.set(0);
        return running;
    }

    static synchronized void stopAll() {
        if (running != null) {
            running.vertx.close();
            running = null;
        }
    }

    /** The next request an upstream received (fails after 5 s). */
    public Seen next() {
        try {
            Seen next = seen.poll(5, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no upstream received a request within 5 s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether any upstream received a request within {@code wait}. */
    public boolean receivedAnything(Duration wait) throws InterruptedException {
        return seen.poll(wait.toMillis(), TimeUnit.MILLISECONDS) != null;
    }

    public long uploadedSoFar() {
        return uploaded.get();
    }

    /** URIs of {@code slow} requests whose connection the gateway closed. */
    public Set<String> abandoned() {
        return abandoned;
    }

    private void handle(String name, HttpServerRequest request) {
        String path = request.path();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        if (path.endsWith("/slow")) {
            seen.add(new Seen(name, request.method().name(), request.uri(), headers, 0));
            String uri = request.uri();
            request.connection().closeHandler(closed -> abandoned.add(uri));
            return;
        }
        if (path.endsWith("/closes-reused") && !served.add(request.connection())) {
            // As a service whose idle timeout closed a kept-alive connection just as a request was sent on it.
            request.connection().close();
            return;
        }
        if (path.endsWith("/two-lengths")) {
            // Read one way by one parser and another way by the next: what response splitting is made of.
            seen.add(new Seen(name, request.method().name(), request.uri(), headers, 0));
            request.response().putHeader("Content-Length", "2, 3").end("ok");
            return;
        }
        if (path.endsWith("/upload")) {
            AtomicLong bytes = new AtomicLong();
            request.handler(chunk -> {
                bytes.addAndGet(chunk.length());
                uploaded.addAndGet(chunk.length());
            });
            request.endHandler(ended -> {
                seen.add(new Seen(name, request.method().name(), request.uri(), headers, bytes.get()));
                request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("bytes", bytes.get()).encode());
            });
            return;
        }
        request.body().onSuccess(body -> {
            seen.add(new Seen(name, request.method().name(), request.uri(), headers, body.length()));
            if (path.endsWith("/download")) {
                download(request, Long.parseLong(request.getParam("bytes")));
            } else if (path.endsWith("/hop")) {
                hop(request);
            } else {
                String echo = new JsonObject()
                        .put("upstream", name)
                        .put("uri", request.uri())
                        .put("connection", System.identityHashCode(request.connection()))
                        .encode();
                var response = request.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Upstream", name);
                if (request.method() == HttpMethod.HEAD) {
                    response.putHeader("Content-Length", Integer.toString(echo.length()))
                            .end();
                } else {
                    response.end(echo);
                }
            }
        });
    }

    private static void download(HttpServerRequest request, long bytes) {
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        var response = request.response().setChunked(true);
        long[] left = {bytes};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (left[0] > 0 && !response.writeQueueFull()) {
                int size = (int) Math.min(chunk.length(), left[0]);
                response.write(size == chunk.length() ? chunk : chunk.slice(0, size));
                left[0] -= size;
            }
            if (left[0] == 0) {
                response.end();
            } else {
                response.drainHandler(drained -> pump[0].run());
            }
        };
        pump[0].run();
    }

    private static void hop(HttpServerRequest request) {
        request.response()
                .putHeader("Connection", "X-Upstream-Hop")
                .putHeader("X-Upstream-Hop", "private to the hop")
                .putHeader("Keep-Alive", "timeout=5")
                .putHeader("Proxy-Authenticate", "Basic realm=upstream")
                .putHeader("Upgrade", "h2c")
                .putHeader("Trailer", "X-Checksum")
                .putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Allow-Credentials", "true")
                .putHeader("Vary", "Accept-Encoding")
                .putHeader("X-Kept", "yes")
                .putHeader("Content-Type", "application/json")
                .end("{}");
    }
}
