package io.atc.gateway.routing;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * Where public paths go: {@code atc.gateway.routes.<route>.paths} (patterns) and {@code .upstream}
 * (an upstream name), and {@code atc.gateway.upstreams.<upstream>.url}. Defaults are in
 * application.properties; docs/gateway.md lists them.
 */
@ConfigMapping(prefix = "atc.gateway")
public interface RoutingConfig {

    Map<String, RouteConfig> routes();

    Map<String, UpstreamConfig> upstreams();

    interface RouteConfig {
        List<String> paths();

        String upstream();
    }

    interface UpstreamConfig {
        /** {@code http://host:port}, no path. */
        String url();
    }
}
