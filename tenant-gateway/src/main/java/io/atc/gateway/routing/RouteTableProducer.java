package io.atc.gateway.routing;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.atc.gateway.config.GatewayConfig;

/** The route table, compiled once from configuration; a bad table stops the start-up with the reason. */
public class RouteTableProducer {

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config) {
        Map<String, RouteTable.RouteDefinition> definitions = new TreeMap<>();
        config.routes().forEach((name, route) -> {
            if (!config.upstreams().containsKey(route.upstream())) {
                throw new IllegalArgumentException("route " + name + " names upstream " + route.upstream()
                        + ", which has no atc.gateway.upstreams." + route.upstream() + ".url");
            }
            definitions.put(name, new RouteTable.RouteDefinition(route.paths(), route.upstream()));
        });
        return new RouteTable(definitions);
    }
}
