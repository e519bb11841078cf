package io.atc.gateway.pipeline;

import java.net.InetAddress;
import java.util.List;

import jakarta.inject.Singleton;

import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.auth.KeyAuthenticator;
import io.atc.gateway.auth.KeyCheck;
import io.atc.gateway.auth.PresentedKey;
import io.atc.gateway.auth.PresentedKeys;
import io.atc.gateway.clientip.ClientIpResolver;
import io.atc.gateway.clientip.IpAllowlist;
import io.atc.gateway.cors.CorsPolicy;
import io.atc.gateway.ratelimit.KeyRateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * The pipeline's ports, bound to the gateway's components. They stay interfaces so a test can swap
 * them ({@link #swap}) and drive the pipeline into each refusal; they are plain fields rather than
 * CDI client proxies because they are called several times on every request.
 */
@Singleton
public class PipelinePorts {

    /** A value that never parses as a key: an ambiguous presentation ends as BAD_FORMAT, not MISSING. */
    private static final String AMBIGUOUS = "";

    private final KeyAuthentication realKeys;
    private final CallerAddressPolicy realAddresses;
    private final OriginPolicy realOrigins;
    private final RateLimit realRateLimit;
    private volatile KeyAuthentication keys;
    private volatile CallerAddressPolicy addresses;
    private volatile OriginPolicy origins;
    private volatile RateLimit rateLimit;

    public PipelinePorts(KeyAuthenticator authenticator, ClientIpResolver resolver, IpAllowlist allowlist, CorsPolicy cors,
            KeyRateLimiter limiter) {
        this.realKeys = keyAuthentication(authenticator);
        this.realAddresses = callerAddressPolicy(resolver, allowlist);
        this.realOrigins = originPolicy(cors);
        this.realRateLimit = limiter::tryAcquire;
        restore();
    }

    KeyAuthentication keys() {
        return keys;
    }

    CallerAddressPolicy addresses() {
        return addresses;
    }

    OriginPolicy origins() {
        return origins;
    }

    RateLimit rateLimit() {
        return rateLimit;
    }

    /** For tests: the pipeline calls these until {@link #restore()}. */
    public void swap(KeyAuthentication keys, CallerAddressPolicy addresses, OriginPolicy origins, RateLimit rateLimit) {
        this.keys = keys;
        this.addresses = addresses;
        this.origins = origins;
        this.rateLimit = rateLimit;
    }

    /** Back to the gateway's own components. */
    public void restore() {
        swap(realKeys, realAddresses, realOrigins, realRateLimit);
    }

    private static KeyAuthentication keyAuthentication(KeyAuthenticator authenticator) {
        return new KeyAuthentication() {
            @Override
            public String presentedKey(MultiMap headers) {
                PresentedKey presented = PresentedKeys.from(headers);
                if (presented.present()) {
                    return presented.value();
                }
                return presented.problem() == AuthOutcome.MISSING ? null : AMBIGUOUS;
            }

            @Override
            public KeyCheck known(String presentedKey) {
                return authenticator.known(presentedKey);
            }

            @Override
            public Uni<KeyCheck> authenticate(String presentedKey) {
                return authenticator.authenticate(presentedKey);
            }
        };
    }

    private static CallerAddressPolicy callerAddressPolicy(ClientIpResolver resolver, IpAllowlist allowlist) {
        return new CallerAddressPolicy() {
            @Override
            public InetAddress resolve(SocketAddress peer, MultiMap headers) {
                return resolver.resolve(peer, headers);
            }

            @Override
            public boolean permits(List<String> cidrs, InetAddress client) {
                return allowlist.permits(cidrs, client);
            }
        };
    }

    private static OriginPolicy originPolicy(CorsPolicy cors) {
        return new OriginPolicy() {
            @Override
            public boolean decidePreflight(MultiMap requestHeaders, MultiMap responseHeaders) {
                return cors.decidePreflight(requestHeaders, responseHeaders);
            }

            @Override
            public OriginVerdict check(String origin, List<String> keyAllowedOrigins) {
                return switch (cors.check(origin, keyAllowedOrigins)) {
                    case NO_ORIGIN -> OriginVerdict.NO_ORIGIN;
                    case ALLOWED -> OriginVerdict.ALLOWED;
                    case DENIED -> OriginVerdict.DENIED;
                };
            }

            @Override
            public void addAllowedOriginHeaders(String origin, MultiMap responseHeaders) {
                cors.allowActualResponse(responseHeaders, origin);
            }
        };
    }
}
