package io.atc.gateway.proxy;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and timeouts of proxied exchanges (docs/gateway.md). */
@ConfigMapping(prefix = "atc.gateway")
public interface ProxyConfig {

    /** The public port (HTTP/1.1 and h2c); Quarkus's own HTTP server listens on loopback behind it. */
    @WithDefault("8080")
    int port();

    /** The public listener's address. */
    @WithDefault("0.0.0.0")
    String host();

    /** A client connection with no request in progress for this long is closed. */
    @WithDefault("5m")
    Duration clientIdleTimeout();

    /** Largest request body the gateway forwards; larger ones get 413, chunked ones are cut off at the limit. */
    @WithDefault("1M")
    MemorySize maxRequestBody();

    /** Time to get a connection to the upstream (TCP connect, or a free pooled connection). */
    @WithDefault("2s")
    Duration upstreamConnectTimeout();

    /** Longest silence from the upstream: until its response starts (including sending the body) and between response chunks. */
    @WithDefault("30s")
    Duration upstreamResponseTimeout();

    /** Idle keep-alive connections kept per upstream and event loop, as nginx's {@code keepalive} (connections in use are not capped). */
    @WithDefault("32")
    int upstreamPoolSize();

    /**
     * A pooled keep-alive connection idle for longer is not used again (it is closed when next looked
     * at), as nginx's {@code keepalive_timeout}: keep it below the services' own idle timeout, so the
     * gateway never sends a request on a connection the service is closing.
     */
    @WithDefault("60s")
    Duration upstreamIdleTimeout();
}
