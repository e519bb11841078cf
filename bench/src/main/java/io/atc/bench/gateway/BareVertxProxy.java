package io.atc.bench.gateway;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * REFERENCE ONLY, for the gateway benchmark: the smallest streaming reverse proxy on the same
 * Vert.x HTTP server and client the gateway uses, with no Quarkus, no routing, no checks. It is
 * the ceiling of the stack: what a Vert.x proxy costs per request before the gateway does any work
 * of its own. One verticle per event loop, keep-alive upstream pool, hop-by-hop headers dropped.
 *
 * <pre>
 * java -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' io.atc.bench.gateway.BareVertxProxy 18092 127.0.0.1 18090
 * </pre>
 */
public final class BareVertxProxy extends AbstractVerticle {

    private final int port;
    private final String upstreamHost;
    private final int upstreamPort;
    private HttpClient client;

    BareVertxProxy(int port, String upstreamHost, int upstreamPort) {
        this.port = port;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String upstreamHost = args[1];
        int upstreamPort = Integer.parseInt(args[2]);
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
        vertx.deployVerticle(
                        () -> new BareVertxProxy(port, upstreamHost, upstreamPort),
                        new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println(
                        "bare Vert.x proxy on :" + port + " -> " + upstreamHost + ":" + upstreamPort + ", " + loops
                                + " event loop(s), native transport " + vertx.isNativeTransportEnabled()))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public void start() {
        client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(128));
        vertx.createHttpServer(new HttpServerOptions().setPort(port).setReusePort(true))
                .requestHandler(this::forward)
                .listen();
    }

    private void forward(HttpServerRequest request) {
        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstreamHost)
                .setPort(upstreamPort)
                .setURI(request.uri());
        client.request(options)
                .onSuccess(upstream -> {
                    copyEndToEnd(request.headers(), upstream.headers());
                    if (!request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                            && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                        upstream.setChunked(true);
                    }
                    upstream.response()
                            .onSuccess(response -> {
                                request.response().setStatusCode(response.statusCode());
                                copyEndToEnd(
                                        response.headers(), request.response().headers());
                                if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                                    request.response().setChunked(true);
                                }
                                response.pipeTo(request.response());
                            })
                            .onFailure(
                                    e -> request.response().setStatusCode(502).end());
                    request.pipeTo(upstream);
                })
                .onFailure(e -> request.response().setStatusCode(502).end());
    }

    private static void copyEndToEnd(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            String name = header.getKey();
            if (!name.equalsIgnoreCase(HttpHeaders.CONNECTION.toString())
                    && !name.equalsIgnoreCase("keep-alive")
                    && !name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING.toString())
                    && !name.equalsIgnoreCase(HttpHeaders.HOST.toString())) {
                to.add(name, header.getValue());
            }
        });
    }
}
