package io.atc.gateway.ratelimit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default limit and the per-key overrides ({@code atc.gateway.rate-limit.overrides}, entries
 * {@code <key prefix>=<requests per second>[:<burst>]}; an override without a burst gets two
 * seconds' worth, like the defaults). Invalid entries stop the start.
 */
public final class RateLimits {

    private final RateLimit defaults;
    private final Map<String, RateLimit> overrides;

    public RateLimits(RateLimit defaults, Map<String, RateLimit> overrides) {
        this.defaults = defaults;
        this.overrides = Map.copyOf(overrides);
    }

    public static RateLimits parse(double requestsPerSecond, int burst, List<String> overrides) {
        RateLimit defaults;
        try {
            defaults = new RateLimit(requestsPerSecond, burst);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("atc.gateway.rate-limit: " + e.getMessage(), e);
        }
        Map<String, RateLimit> byPrefix = new HashMap<>();
        for (String entry : overrides) {
            if (entry.isBlank()) {
                continue;
            }
            String[] prefixAndLimit = entry.strip().split("=", -1);
            if (prefixAndLimit.length != 2 || prefixAndLimit[0].isBlank()) {
                throw invalid(entry, "expected <key prefix>=<requests per second>[:<burst>]");
            }
            String prefix = prefixAndLimit[0].strip();
            if (byPrefix.put(prefix, override(entry, prefixAndLimit[1].strip())) != null) {
                throw invalid(entry, "the prefix is listed twice");
            }
        }
        return new RateLimits(defaults, byPrefix);
    }

    private static RateLimit override(String entry, String limit) {
        String[] rateAndBurst = limit.split(":", -1);
        try {
            double rate = Double.parseDouble(rateAndBurst[0]);
            if (rateAndBurst.length == 1) {
                return new RateLimit(rate, (int) Math.max(1, Math.min(RateLimit.MAX_BURST, Math.ceil(2 * rate))));
            }
            if (rateAndBurst.length == 2) {
                return new RateLimit(rate, Integer.parseInt(rateAndBurst[1]));
            }
        } catch (NumberFormatException e) {
            throw invalid(entry, "the rate and burst must be numbers");
        } catch (IllegalArgumentException e) {
            throw invalid(entry, e.getMessage());
        }
        throw invalid(entry, "expected <key prefix>=<requests per second>[:<burst>]");
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("atc.gateway.rate-limit.overrides: '" + entry + "': " + why);
    }

    public RateLimit forPrefix(String prefix) {
        RateLimit override = prefix == null ? null : overrides.get(prefix);
        return override != null ? override : defaults;
    }

    public RateLimit defaults() {
        return defaults;
    }
}
