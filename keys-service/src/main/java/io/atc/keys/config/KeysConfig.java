package io.atc.keys.config;

import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The keys-service's settings under {@code atc.keys.*} (docs/configuration.md, "Keys and console"); the
 * key environment, {@code atc.keys.environment}, is shared: platform-core's KeyFormatConfig.
 */
@ConfigMapping(prefix = "atc.keys")
public interface KeysConfig {

    /** Base64, 32+ bytes: the HMAC key of key fingerprints; required, checked at start-up (PepperStartupCheck). */
    Optional<String> pepper();

    Argon2 argon2();

    /**
     * An active key neither used nor created within this many days is flagged {@code unused} in the keys
     * API (docs/keys.md, "Last used"): a candidate for revocation.
     */
    @WithDefault("90")
    @Min(1)
    @Max(3650)
    int unusedAfterDays();

    /** Parameters of new argon2id hashes; never below the OWASP minimum (m=19456 KiB, t=2, p=1). */
    interface Argon2 {
        @WithDefault("19456")
        @Min(19456)
        int memoryKib();

        @WithDefault("2")
        @Min(2)
        int iterations();

        @WithDefault("1")
        @Min(1)
        int parallelism();

        /** argon2id work at once (threads of its own pool). */
        @WithDefault("2")
        @Min(1)
        int concurrency();
    }
}
