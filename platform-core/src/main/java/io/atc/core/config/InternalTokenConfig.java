package io.atc.core.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The internal token the gateway mints and every service verifies, {@code atc.internal-jwt.*}
 * (smallrye-jwt reads the same keys through META-INF/microprofile-config.properties).
 */
@ConfigMapping(prefix = "atc.internal-jwt")
public interface InternalTokenConfig {

    /** Base64 X.509 Ed25519 public key of the gateway's internal tokens; required, checked at start-up. */
    Optional<String> publicKey();

    /** Base64 PKCS#8 private key that signs them (the gateway only); checked at start-up. */
    Optional<String> privateKey();

    @WithDefault("atc-gateway")
    String issuer();

    @WithDefault("atc-services")
    String audience();
}
