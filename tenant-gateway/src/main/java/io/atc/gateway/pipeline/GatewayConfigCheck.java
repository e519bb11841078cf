package io.atc.gateway.pipeline;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.atc.core.startup.StartupRefusal;
import io.atc.gateway.auth.KeyAuthenticator;
import io.atc.gateway.clientip.ClientIpResolver;
import io.atc.gateway.clientip.TrustedProxies;
import io.atc.gateway.cors.CorsPolicy;
import io.atc.gateway.ratelimit.KeyRateLimiter;
import io.atc.gateway.ratelimit.KeylessRateLimiter;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;

/**
 * The pipeline's components parse their settings when they are created. Creating them at start-up
 * turns a bad value (an unparsable trusted-proxy CIDR, a rate outside its range) into a refusal to
 * start with one clear line, instead of a 500 on the first request.
 */
@ApplicationScoped
public class GatewayConfigCheck {

    /** The components are looked up inside the try: being singletons, they are created on first lookup, and may fail there. */
    void onStart(
            @Observes StartupEvent event,
            Instance<KeyAuthenticator> keys,
            Instance<TrustedProxies> trustedProxies,
            Instance<ClientIpResolver> clientIp,
            Instance<CorsPolicy> cors,
            Instance<KeyRateLimiter> rateLimiter,
            Instance<KeylessRateLimiter> keylessRateLimiter) {
        try {
            for (Instance<?> component :
                    List.of(keys, trustedProxies, clientIp, cors, rateLimiter, keylessRateLimiter)) {
                ClientProxy.unwrap(component.get());
            }
        } catch (RuntimeException e) {
            StartupRefusal.refuse("ATC-STARTUP-CONFIG " + settingProblem(e));
        }
    }

    /** The outermost IllegalArgumentException names the setting; the causes below it only the value. */
    private static String settingProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return "a gateway setting is invalid (" + failure.getClass().getSimpleName() + ")";
    }
}
