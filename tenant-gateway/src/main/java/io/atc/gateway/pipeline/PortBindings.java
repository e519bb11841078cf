package io.atc.gateway.pipeline;

import java.net.InetAddress;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

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
 * Binds the pipeline's ports to the gateway's components. The ports stay interfaces so a test can
 * swap one (QuarkusMock) and drive the pipeline into each refusal.
 */
public class PortBindings {

    /** A value that never parses as a key: an ambiguous presentation ends as BAD_FORMAT, not MISSING. */
    private static final String AMBIGUOUS = "";

    @Produces
    @ApplicationScoped
    KeyAuthentication keyAuthentication(KeyAuthenticator authenticator) {
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

    @Produces
    @ApplicationScoped
    CallerAddressPolicy callerAddressPolicy(ClientIpResolver resolver, IpAllowlist allowlist) {
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

    @Produces
    @ApplicationScoped
    OriginPolicy originPolicy(CorsPolicy cors) {
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

    @Produces
    @ApplicationScoped
    RateLimit rateLimit(KeyRateLimiter limiter) {
        return limiter::tryAcquire;
    }
}
