package io.atc.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes compiled once into a segment tree. Matching walks the path without allocating; at each
 * segment a literal beats {@code *}, which beats {@code **}, so the most specific pattern wins
 * ({@code /v1/sites/{@literal *}/retention/**} over {@code /v1/sites/**}) whatever the configuration order.
 */
public final class RouteTable {

    private final Node root = new Node();
    private final List<Route> routes;

    /** @param patternsByRoute route → its patterns, in a stable order (the order numbers the routes) */
    public RouteTable(Map<String, RouteDefinition> patternsByRoute) {
        List<Route> all = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, RouteDefinition> entry : patternsByRoute.entrySet()) {
            RouteDefinition definition = entry.getValue();
            if (definition.patterns().isEmpty()) {
                throw new IllegalArgumentException("route " + entry.getKey() + " has no paths");
            }
            int index = all.size();
            for (String text : definition.patterns()) {
                PathPattern pattern = PathPattern.parse(text);
                Route route = new Route(entry.getKey(), index, definition.upstream(), pattern.text());
                String clash = seen.putIfAbsent(pattern.segments().toString(), entry.getKey());
                if (clash != null) {
                    throw new IllegalArgumentException(
                            "route pattern " + text + " appears in routes " + clash + " and " + entry.getKey());
                }
                add(pattern, route);
            }
            all.add(new Route(
                    entry.getKey(),
                    index,
                    definition.upstream(),
                    definition.patterns().get(0)));
        }
        this.routes = List.copyOf(all);
    }

    /** What one configured route consists of. */
    public record RouteDefinition(List<String> patterns, String upstream) {
        public RouteDefinition {
            patterns = List.copyOf(patterns);
        }
    }

    /** One entry per route, in index order. */
    public List<Route> routes() {
        return routes;
    }

    /** @param path a path accepted by {@link RequestPaths#normalise} @return the most specific route, or null */
    public Route match(String path) {
        return match(root, path, 1);
    }

    private static Route match(Node node, String path, int from) {
        if (from >= path.length()) {
            return node.exact != null ? node.exact : node.rest;
        }
        int end = path.indexOf('/', from);
        if (end < 0) {
            end = path.length();
        }
        int length = end - from;
        for (int i = 0; i < node.literals.length; i++) {
            String literal = node.literals[i];
            if (literal.length() == length && path.regionMatches(from, literal, 0, length)) {
                Route found = match(node.children[i], path, end + 1);
                if (found != null) {
                    return found;
                }
                break;
            }
        }
        if (node.one != null) {
            Route found = match(node.one, path, end + 1);
            if (found != null) {
                return found;
            }
        }
        return node.rest;
    }

    private void add(PathPattern pattern, Route route) {
        Node node = root;
        for (String segment : pattern.segments()) {
            if (segment.equals(PathPattern.REST)) {
                node.rest = route;
                return;
            }
            node = segment.equals(PathPattern.ONE) ? node.one() : node.literal(segment);
        }
        node.exact = route;
    }

    private static final class Node {
        String[] literals = new String[0];
        Node[] children = new Node[0];
        Node one;
        Route exact;
        Route rest;

        Node literal(String segment) {
            for (int i = 0; i < literals.length; i++) {
                if (literals[i].equals(segment)) {
                    return children[i];
                }
            }
            literals = java.util.Arrays.copyOf(literals, literals.length + 1);
            children = java.util.Arrays.copyOf(children, children.length + 1);
            literals[literals.length - 1] = segment;
            children[children.length - 1] = new Node();
            return children[children.length - 1];
        }

        Node one() {
            if (one == null) {
                one = new Node();
            }
            return one;
        }
    }
}
