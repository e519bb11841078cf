package io.atc.gateway.proxy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.atc.gateway.routing.Route;
import io.atc.gateway.routing.RouteTable;
import io.atc.gateway.routing.RoutingConfig;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;

/**
 * Keep-alive HTTP/1.1 clients to the upstream services, one per upstream and event loop: a request
 * then always gets a connection that lives on its own event loop (no hand-over between threads, no
 * scan of a shared pool for a local connection), as nginx workers keep their own upstream connections.
 */
@Singleton
public class Upstreams {

    /** An upstream service: where it listens and how to connect to it. */
    record Upstream(int index, String name, String host, int port, HttpClientOptions options, PoolOptions pool) {
    }

    private final Vertx vertx;
    private final Upstream[] byRoute;
    private final int count;
    private final List<HttpClient> opened = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<HttpClient[]> clientsOfThisThread = new FastThreadLocal<>() {
        @Override
        protected HttpClient[] initialValue() {
            return new HttpClient[count];
        }
    };

    public Upstreams(Vertx vertx, RoutingConfig routing, RouteTable routes, ProxyConfig proxy) {
        this.vertx = vertx;
        Map<String, Upstream> byName = new HashMap<>();
        routing.upstreams().forEach((name, upstream) -> byName.put(name, describe(byName.size(), name, upstream.url(), proxy)));
        this.count = byName.size();
        this.byRoute = new Upstream[routes.routes().size()];
        for (Route route : routes.routes()) {
            byRoute[route.index()] = byName.get(route.upstream());
        }
    }

    Upstream of(Route route) {
        return byRoute[route.index()];
    }

    /** The calling event loop's client for this upstream, opened on first use. */
    HttpClient client(Upstream upstream) {
        HttpClient[] clients = clientsOfThisThread.get();
        HttpClient client = clients[upstream.index()];
        if (client == null) {
            client = vertx.createHttpClient(upstream.options(), upstream.pool());
            clients[upstream.index()] = client;
            opened.add(client);
        }
        return client;
    }

    @PreDestroy
    void close() {
        opened.forEach(HttpClient::close);
    }

    private static Upstream describe(int index, String name, String url, ProxyConfig proxy) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("atc.gateway.upstreams." + name + ".url is not a URL: " + url);
        }
        boolean tls = "https".equals(uri.getScheme());
        if (!tls && !"http".equals(uri.getScheme()) || uri.getHost() == null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("atc.gateway.upstreams." + name + ".url must be http(s)://host[:port], got " + url);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setSsl(tls)
                .setKeepAlive(true)
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) proxy.upstreamConnectTimeout().toMillis())
                .setDefaultHost(uri.getHost())
                .setDefaultPort(port);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(proxy.upstreamPoolSize());
        return new Upstream(index, name, uri.getHost(), port, options, pool);
    }
}
