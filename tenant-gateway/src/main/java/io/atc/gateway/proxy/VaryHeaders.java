package io.atc.gateway.proxy;

import java.util.List;

/** Merges {@code Origin} into an upstream's Vary instead of overwriting it (RFC 9110 12.5.5). */
final class VaryHeaders {

    private static final String ORIGIN = "Origin";

    private VaryHeaders() {
    }

    /** @param upstream the upstream's Vary header lines */
    static String withOrigin(List<String> upstream) {
        StringBuilder merged = new StringBuilder();
        boolean hasOrigin = false;
        for (String line : upstream) {
            for (String token : line.split(",")) {
                String name = token.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.equals("*")) {
                    return "*";
                }
                hasOrigin |= name.equalsIgnoreCase(ORIGIN);
                merged.append(merged.isEmpty() ? "" : ", ").append(name);
            }
        }
        if (!hasOrigin) {
            merged.append(merged.isEmpty() ? "" : ", ").append(ORIGIN);
        }
        return merged.toString();
    }
}
