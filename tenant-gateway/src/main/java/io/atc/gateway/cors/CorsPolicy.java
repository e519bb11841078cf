package io.atc.gateway.cors;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.errors.ProblemException;
import io.atc.core.net.Origins;
import io.atc.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * Per-origin CORS for API keys. Origins match exactly after normalisation (scheme://host[:port],
 * {@link Origins}); {@code null} and malformed origins never match; {@code *} is never sent.
 * {@code Access-Control-Allow-Credentials} is never sent either: keys travel in Authorization or
 * X-Api-Key, which a script sets explicitly, so browsers need no ambient credentials (cookies) for
 * the API, and refusing them keeps a page from riding a user's cookies cross-origin.
 *
 * <p>A preflight carries no key, so it is answered from the origins of all active keys
 * ({@link PreflightOrigins}); the actual request is then checked against the presenting key's own
 * list ({@link #check}), so a preflight that passed for another key's origin still ends in 403.
 */
@Singleton
public class CorsPolicy {

    static final CharSequence ORIGIN = HttpHeaders.createOptimized("Origin");
    static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    static final CharSequence REQUEST_METHOD = HttpHeaders.createOptimized("Access-Control-Request-Method");
    static final CharSequence REQUEST_HEADERS = HttpHeaders.createOptimized("Access-Control-Request-Headers");
    static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    static final CharSequence ALLOW_METHODS = HttpHeaders.createOptimized("Access-Control-Allow-Methods");
    static final CharSequence ALLOW_HEADERS = HttpHeaders.createOptimized("Access-Control-Allow-Headers");
    static final CharSequence MAX_AGE = HttpHeaders.createOptimized("Access-Control-Max-Age");
    static final CharSequence EXPOSE_HEADERS = HttpHeaders.createOptimized("Access-Control-Expose-Headers");
    private static final String[] PREFLIGHT_VARY = {
        "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"
    };

    private final PreflightOrigins preflightOrigins;
    private final List<String> allowedMethods;
    private final Map<String, String> allowedHeaders;
    private final String allowMethodsValue;
    private final String exposeHeadersValue;
    private final String maxAgeValue;

    @Inject
    public CorsPolicy(PreflightOrigins preflightOrigins, GatewayConfig config) {
        this(preflightOrigins, CorsRules.of(config.cors()));
    }

    public CorsPolicy(PreflightOrigins preflightOrigins, CorsRules rules) {
        this.preflightOrigins = preflightOrigins;
        this.allowedMethods = rules.allowedMethods();
        this.allowedHeaders = rules.allowedHeadersByLowerCase();
        this.allowMethodsValue = rules.allowMethodsValue();
        this.exposeHeadersValue = rules.exposeHeadersValue();
        this.maxAgeValue = Integer.toString(rules.maxAgeSeconds());
    }

    /** The preflight decision on header maps: fills the response headers and answers whether it is allowed. */
    public boolean decidePreflight(MultiMap requestHeaders, MultiMap responseHeaders) {
        mergeVary(responseHeaders, PREFLIGHT_VARY);
        String origin = requestHeaders.get(ORIGIN);
        String method = requestHeaders.get(REQUEST_METHOD);
        if (origin == null
                || method == null
                || !allowedMethods.contains(method.strip())
                || !isActiveKeyOrigin(origin)) {
            return false;
        }
        responseHeaders.set(ALLOW_ORIGIN, origin);
        responseHeaders.set(ALLOW_METHODS, allowMethodsValue);
        String headers = allowedOf(requestHeaders.getAll(REQUEST_HEADERS));
        if (headers != null) {
            responseHeaders.set(ALLOW_HEADERS, headers);
        }
        responseHeaders.set(MAX_AGE, maxAgeValue);
        return true;
    }

    /**
     * The actual request's origin against the presenting key's canonical list. The exact string is
     * tried first (browsers send origins already in canonical form), then the normalised one.
     */
    public CorsDecision check(String originHeader, List<String> keyAllowedOrigins) {
        if (originHeader == null) {
            return CorsDecision.NO_ORIGIN;
        }
        if (keyAllowedOrigins.isEmpty()) {
            return CorsDecision.DENIED;
        }
        if (keyAllowedOrigins.contains(originHeader)) {
            return CorsDecision.ALLOWED;
        }
        String canonical = canonicalOrNull(originHeader);
        return canonical != null && keyAllowedOrigins.contains(canonical) ? CorsDecision.ALLOWED : CorsDecision.DENIED;
    }

    /** The headers of a response to an {@link CorsDecision#ALLOWED} request; call after upstream headers are copied. */
    public void allowActualResponse(MultiMap responseHeaders, String origin) {
        responseHeaders.set(ALLOW_ORIGIN, origin);
        if (!exposeHeadersValue.isEmpty()) {
            responseHeaders.set(EXPOSE_HEADERS, exposeHeadersValue);
        }
        varyOnOrigin(responseHeaders);
    }

    /**
     * Adds Origin to Vary. Call it on every API response, with or without an Origin in the request:
     * a shared cache that stored an answer without CORS headers must not serve it to a browser origin
     * (Fetch standard, "CORS protocol and HTTP caches"); also on 403s, whose body depends on Origin.
     */
    public static void varyOnOrigin(MultiMap responseHeaders) {
        mergeVary(responseHeaders, "Origin");
    }

    /**
     * Adds fields to Vary, keeping whatever is there (for instance from the upstream service):
     * case-insensitive, without duplicates, into one header line; {@code Vary: *} stays {@code *}.
     */
    public static void mergeVary(MultiMap headers, String... fields) {
        List<String> existing = headers.getAll(VARY);
        if (existing.isEmpty()) {
            headers.set(VARY, fields.length == 1 ? fields[0] : String.join(", ", fields));
            return;
        }
        StringBuilder merged = null;
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (hasToken(existing, field) || repeats(fields, i)) {
                continue;
            }
            if (merged == null) {
                merged = new StringBuilder();
                for (String value : existing) {
                    if (hasToken(value, "*")) {
                        return;
                    }
                    String stripped = value.strip();
                    if (!stripped.isEmpty()) {
                        merged.append(merged.length() == 0 ? "" : ", ").append(stripped);
                    }
                }
            }
            merged.append(merged.length() == 0 ? "" : ", ").append(field);
        }
        if (merged != null) {
            headers.set(VARY, merged.toString());
        }
    }

    private boolean isActiveKeyOrigin(String origin) {
        if (preflightOrigins.contains(origin)) {
            return true;
        }
        String canonical = canonicalOrNull(origin);
        return canonical != null && preflightOrigins.contains(canonical);
    }

    private String allowedOf(List<String> requested) {
        StringBuilder allowed = null;
        for (String value : requested) {
            for (String token : value.split(",")) {
                String configured = allowedHeaders.get(token.strip().toLowerCase(Locale.ROOT));
                if (configured == null || (allowed != null && hasToken(allowed.toString(), configured))) {
                    continue;
                }
                allowed = allowed == null
                        ? new StringBuilder(configured)
                        : allowed.append(", ").append(configured);
            }
        }
        return allowed == null ? null : allowed.toString();
    }

    static String canonicalOrNull(String origin) {
        if (origin.isEmpty() || origin.length() > 2048 || origin.strip().equalsIgnoreCase("null")) {
            return null;
        }
        try {
            return Origins.canonical("Origin", origin);
        } catch (ProblemException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean repeats(String[] fields, int index) {
        for (int i = 0; i < index; i++) {
            if (fields[i].equalsIgnoreCase(fields[index])) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasToken(List<String> values, String token) {
        for (String value : values) {
            if (hasToken(value, token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a comma list holds the token, ignoring case and spaces, without splitting. */
    private static boolean hasToken(String list, String token) {
        int start = 0;
        while (start <= list.length()) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? list.length() : comma;
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(list.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(list.charAt(to - 1))) {
                to--;
            }
            if (to - from == token.length() && list.regionMatches(true, from, token, 0, token.length())) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            start = comma + 1;
        }
        return false;
    }
}
