package io.atc.gateway.proxy;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and timeouts of proxied exchanges (docs/gateway.md). */
@ConfigMapping(prefix = "atc.gateway")
public interface ProxyConfig {

    /** Largest request body the gateway forwards; larger ones get 413, chunked ones are cut off at the limit. */
    @WithDefault("1M")
    MemorySize maxRequestBody();

    /** Time to get a connection to the upstream (TCP connect, or a free pooled connection). */
    @WithDefault("2s")
    Duration upstreamConnectTimeout();

    /** Longest silence from the upstream: until its response starts (including sending the body) and between response chunks. */
    @WithDefault("30s")
    Duration upstreamResponseTimeout();

    /** Keep-alive connections per upstream and event loop (Quarkus runs two event loops per core). */
    @WithDefault("32")
    int upstreamPoolSize();
}
