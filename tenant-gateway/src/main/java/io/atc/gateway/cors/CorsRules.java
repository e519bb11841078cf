package io.atc.gateway.cors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atc.gateway.config.GatewayConfig;

/**
 * What a permitted browser origin may do: the methods and request headers a preflight may allow,
 * the response headers scripts may read, and how long a browser may cache a preflight answer
 * (clamped to 0..7200 s; browsers cap it lower anyway, e.g. Chromium at 7200).
 */
public record CorsRules(
        List<String> allowedMethods, List<String> allowedHeaders, List<String> exposedHeaders, int maxAgeSeconds) {

    public static final int MAX_AGE_LIMIT = 7200;

    public CorsRules {
        allowedMethods = cleaned(allowedMethods);
        allowedHeaders = cleaned(allowedHeaders);
        exposedHeaders = cleaned(exposedHeaders);
        maxAgeSeconds = Math.max(0, Math.min(MAX_AGE_LIMIT, maxAgeSeconds));
    }

    /** The configured rules; their defaults live in the mapping. */
    public static CorsRules of(GatewayConfig.Cors config) {
        return new CorsRules(
                config.allowedMethods(), config.allowedHeaders(), config.exposedHeaders(), config.maxAge());
    }

    String allowMethodsValue() {
        return String.join(", ", allowedMethods);
    }

    String exposeHeadersValue() {
        return String.join(", ", exposedHeaders);
    }

    /** Lower-cased name to the configured spelling, for case-insensitive matching of requested headers. */
    Map<String, String> allowedHeadersByLowerCase() {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (String header : allowedHeaders) {
            byLowerCase.putIfAbsent(header.toLowerCase(Locale.ROOT), header);
        }
        return byLowerCase;
    }

    private static List<String> cleaned(List<String> values) {
        return values.stream()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .distinct()
                .toList();
    }
}
