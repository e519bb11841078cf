package io.atc.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of the tenant-gateway, {@code atc.gateway.*} (docs/configuration.md, "Gateway"). Bounds
 * are checked when the configuration is read, so a value out of range stops the start; what annotations
 * cannot say (trusted-proxy CIDRs, the forwarding header, rate limits and their overrides) is checked
 * when the components that parse it are created at start-up (pipeline.GatewayConfigCheck).
 */
@ConfigMapping(prefix = "atc.gateway")
public interface GatewayConfig {

    /** The public port (HTTP/1.1 and h2c); Quarkus's own HTTP server listens on loopback behind it. */
    @WithDefault("8080")
    @Min(0)
    @Max(65535)
    int port();

    /** The public listener's address (application.properties: {@code atc.http.host}). */
    @WithDefault("0.0.0.0")
    String host();

    /** A client connection with no request in progress for this long is closed. */
    @WithDefault("5m")
    Duration clientIdleTimeout();

    /** Largest request body the gateway forwards; larger ones get 413, chunked ones are cut off at the limit. */
    @WithDefault("1M")
    MemorySize maxRequestBody();

    /** Time to get a connection to the upstream (TCP connect, or a free pooled connection). */
    @WithDefault("2s")
    Duration upstreamConnectTimeout();

    /** Longest silence from the upstream: until its response starts (including sending the body) and between response chunks. */
    @WithDefault("30s")
    Duration upstreamResponseTimeout();

    /** Idle keep-alive connections kept per upstream and event loop, as nginx's {@code keepalive} (connections in use are not capped). */
    @WithDefault("32")
    @Min(0)
    int upstreamPoolSize();

    /**
     * A pooled keep-alive connection idle for longer is not used again (it is closed when next looked
     * at), as nginx's {@code keepalive_timeout}: keep it below the services' own idle timeout, so the
     * gateway never sends a request on a connection the service is closing.
     */
    @WithDefault("60s")
    Duration upstreamIdleTimeout();

    /** Lifetime of the internal tokens the gateway mints for the services. */
    @WithDefault("PT2M")
    @DurationMin(seconds = 10)
    @DurationMax(minutes = 15)
    Duration internalTokenLifetime();

    /** Where public paths go, by route name (defaults in application.properties; docs/gateway.md). */
    Map<String, @Valid Route> routes();

    /** The services behind the gateway, by name. */
    Map<String, @Valid Upstream> upstreams();

    Keys keys();

    /** CIDRs of the proxies whose forwarding header is believed (none by default). */
    Optional<List<String>> trustedProxies();

    ClientIp clientIp();

    Cors cors();

    RateLimit rateLimit();

    interface Route {
        /** Path patterns: {@code *} is one segment, {@code **} the rest; the most specific match wins. */
        @NotEmpty
        List<String> paths();

        /** An upstream name. */
        String upstream();
    }

    interface Upstream {
        /** {@code http://host:port}, no path. */
        String url();
    }

    /** Key authentication (docs/gateway-auth.md). */
    interface Keys {
        /** The keys-service's verify endpoint (application.properties derives it from the keys upstream). */
        @WithDefault("http://127.0.0.1:8081/internal/v1/keys/verify")
        String verifyUrl();

        /** Hard deadline of one cold verification (connect, send, answer). */
        @WithDefault("PT3S")
        @DurationMin(millis = 1)
        Duration verifyTimeout();

        @WithDefault("100000")
        @Min(1)
        int cacheMaxEntries();

        @WithDefault("PT5M")
        @DurationMin(nanos = 1)
        Duration cacheTtl();

        @WithDefault("10000")
        @Min(1)
        int negativeCacheMaxEntries();

        @WithDefault("PT30S")
        @DurationMin(nanos = 1)
        Duration negativeCacheTtl();

        /** Cold verifications running at once per replica (also the size of the HTTP pool to the keys-service). */
        @WithDefault("4")
        @Min(1)
        int maxColdVerifications();

        /** Cold verifications waiting; beyond, {@code overloaded}. */
        @WithDefault("16")
        @Min(0)
        int coldVerificationQueue();

        /**
         * A verified key used within this last part of its cache TTL is verified again in the
         * background, once at a time, while its cached verdict keeps serving: a busy key never goes
         * cold on the request path. 0 turns refresh-ahead off.
         */
        @WithDefault("0.2")
        @DecimalMin("0")
        @DecimalMax("0.9")
        double refreshAheadFraction();

        /**
         * Background refreshes running at once per replica, beside the cold verifications (the HTTP pool holds both).
         * With 2, a flood from 64 addresses kept the keys-service slow enough that 100 busy keys' refreshes fell
         * behind and some went cold (92-99.9% 2xx); with 8, none did (docs/benchmarks.md, "Key flood").
         */
        @WithDefault("8")
        @Min(1)
        @Max(64)
        int maxRefreshes();

        PerAddress perAddress();

        /** Longest wait between reconnection attempts of the key-change listener. */
        @WithDefault("PT5S")
        Duration listenerMaxBackoff();

        /** Liveness check of the LISTEN connection. */
        @WithDefault("PT10S")
        Duration listenerPingInterval();

        Usage usage();
    }

    /**
     * Reporting when and from where each key was last used (docs/gateway-auth.md, "Last used"): queued
     * off the request path, at most once per key per minute, and sent to the keys-service in batches.
     */
    interface Usage {
        /** The keys-service's usage endpoint (application.properties derives it from the keys upstream). */
        @WithDefault("http://127.0.0.1:8081/internal/v1/keys/usage")
        String url();

        /** How often queued uses are sent; never beyond the minute a key's use is recorded in. */
        @WithDefault("PT10S")
        @DurationMin(millis = 100)
        @DurationMax(minutes = 1)
        Duration flushInterval();

        /** Hard deadline of one report (connect, send, answer); a report not answered in time is dropped. */
        @WithDefault("PT5S")
        @DurationMin(millis = 1)
        Duration timeout();

        /** Keys whose use waits to be sent at most; beyond, further uses are dropped (bounded memory) and counted. */
        @WithDefault("10000")
        @Min(1)
        @Max(1000000)
        int maxPending();
    }

    /**
     * The budget of cold verifications of one client address (IPv4: the address, IPv6: its /64), taken
     * before the shared slots: a flood of well-formed unknown keys from one client is refused (429)
     * without reaching the keys-service, and cannot take every slot from other clients' real keys.
     */
    interface PerAddress {
        /** Cold verifications a client address may start per second, per replica; 0 = no rate limit. */
        @WithDefault("5")
        @DecimalMin("0")
        @DecimalMax("1000000")
        double coldVerificationsPerSecond();

        /** Cold verifications a client address may start back to back. */
        @WithDefault("20")
        @Min(1)
        @Max(1000000)
        int coldVerificationBurst();

        /** Cold verifications of one client address running or waiting at once; 0 = no limit. */
        @WithDefault("2")
        @Min(0)
        @Max(1000)
        int maxColdInFlight();

        /** Client addresses whose budget is remembered; beyond, the least used are forgotten (bounded memory). */
        @WithDefault("100000")
        @Min(16)
        @Max(10000000)
        int maxAddresses();
    }

    /** Who the client is, for IP allowlists (docs/gateway-rules.md). */
    interface ClientIp {
        /** The one forwarding header the trusted proxies write. */
        @WithDefault("x-forwarded-for")
        String header();

        /** Forwarding entries read at most, right to left. */
        @WithDefault("16")
        @Min(1)
        @Max(100)
        int maxHops();
    }

    /** What a permitted browser origin may do (docs/gateway-rules.md). */
    interface Cors {
        /** Methods a preflight may allow (case-sensitive, as HTTP methods are). */
        @WithDefault("GET,POST,PUT,PATCH,DELETE")
        List<String> allowedMethods();

        /** Request headers a preflight may allow. */
        @WithDefault("Authorization,X-Api-Key,Content-Type,X-Request-Id,If-Match,If-None-Match")
        List<String> allowedHeaders();

        /** Response headers scripts may read. */
        @WithDefault("Retry-After,Location,X-Request-Id,ETag")
        List<String> exposedHeaders();

        /** Seconds a browser may cache a preflight; clamped to 0..7200 (browsers cap it lower anyway). */
        @WithDefault("600")
        int maxAge();

        /** How often the active keys' origins are reloaded. */
        @WithDefault("30s")
        @DurationMin(nanos = 1)
        Duration originsRefresh();
    }

    /** Per key and keyless rate limits, per replica; ranges and overrides are checked at start-up. */
    interface RateLimit {
        /** Per key; 0 = unlimited. */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a full bucket admits back to back. */
        @WithDefault("100")
        int burst();

        /** {@code <key prefix>=<rps>[:<burst>]} entries. */
        Optional<List<String>> overrides();

        Keyless keyless();

        SessionCheck sessionCheck();

        /** Requests without a key (sign-in, sign-out, onboarding), per client address (IPv6: per /64). */
        interface Keyless {
            @WithDefault("5")
            double requestsPerSecond();

            @WithDefault("20")
            int burst();
        }

        /**
         * Console session checks ({@code GET /v1/console/session}, one per console page view), per client
         * address: their own budget, looser than sign-in's, since a check costs no argon2id and admins
         * behind one address click through pages faster than they sign in.
         */
        interface SessionCheck {
            @WithDefault("20")
            double requestsPerSecond();

            @WithDefault("60")
            int burst();
        }
    }
}
