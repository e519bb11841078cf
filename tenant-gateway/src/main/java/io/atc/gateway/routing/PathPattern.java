package io.atc.gateway.routing;

import java.util.List;

/**
 * A route pattern: literal segments, {@code *} for exactly one segment, and a final {@code **} for
 * the rest of the path (zero or more segments), e.g. {@code /v1/sites/{@literal *}/retention/**}.
 */
record PathPattern(String text, List<String> segments) {

    static final String ONE = "*";
    static final String REST = "**";

    static PathPattern parse(String text) {
        String pattern = text.strip();
        if (!pattern.startsWith("/") || pattern.length() < 2) {
            throw new IllegalArgumentException(
                    "route pattern " + text + " must start with / and name at least one segment");
        }
        List<String> segments = List.of(pattern.substring(1).split("/", -1));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("route pattern " + text + " has an empty segment");
            }
            if (segment.equals(REST) && i != segments.size() - 1) {
                throw new IllegalArgumentException("route pattern " + text + ": ** may only end a pattern");
            }
            if (!segment.equals(ONE)
                    && !segment.equals(REST)
                    && (segment.contains("*")
                            || RequestPaths.normalise("/" + segment) == null
                            || segment.contains("%"))) {
                throw new IllegalArgumentException("route pattern " + text + " has an unusable segment: " + segment);
            }
        }
        if (!literal(segments.get(0))) {
            throw new IllegalArgumentException("route pattern " + text
                    + " must start with a literal segment, so that the gateway's own endpoints stay reachable");
        }
        if (segments.get(0).equals("q")) {
            throw new IllegalArgumentException("route pattern " + text + " would hide the gateway's own /q endpoints");
        }
        return new PathPattern(pattern, segments);
    }

    static boolean literal(String segment) {
        return !segment.equals(ONE) && !segment.equals(REST);
    }
}
