package io.atc.gateway.proxy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.atc.gateway.routing.Route;
import io.atc.gateway.routing.RouteTable;
import io.atc.gateway.routing.RoutingConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;

/** One keep-alive HTTP/1.1 client per upstream service, and for each route the upstream it goes to. */
@Singleton
public class Upstreams {

    /** An upstream service: where it listens and the pooled client that talks to it. */
    record Upstream(String name, String host, int port, HttpClient client) {
    }

    private final Upstream[] byRoute;
    private final List<HttpClient> clients;

    public Upstreams(Vertx vertx, RoutingConfig routing, RouteTable routes, ProxyConfig proxy) {
        Map<String, Upstream> byName = new HashMap<>();
        routing.upstreams().forEach((name, upstream) -> byName.put(name, open(vertx, name, upstream.url(), proxy)));
        this.byRoute = new Upstream[routes.routes().size()];
        for (Route route : routes.routes()) {
            byRoute[route.index()] = byName.get(route.upstream());
        }
        this.clients = byName.values().stream().map(Upstream::client).toList();
    }

    Upstream of(Route route) {
        return byRoute[route.index()];
    }

    @PreDestroy
    void close() {
        clients.forEach(HttpClient::close);
    }

    private static Upstream open(Vertx vertx, String name, String url, ProxyConfig proxy) {
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
        return new Upstream(name, uri.getHost(), port, vertx.createHttpClient(options, pool));
    }
}
