package io.atc.gateway.routing;

/**
 * A named route: where its requests go. {@code index} numbers routes densely from 0 so that
 * per-route state (metrics) can live in arrays; {@code pattern} is the pattern that matched.
 */
public record Route(String name, int index, String upstream, String pattern) {}
