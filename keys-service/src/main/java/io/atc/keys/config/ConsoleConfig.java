package io.atc.keys.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Console sessions and sign-in, {@code atc.console.*} (docs/configuration.md, "Keys and console"): a
 * prefix of its own, so the ATC_CONSOLE_* names stay what operators set.
 */
@ConfigMapping(prefix = "atc.console")
public interface ConsoleConfig {

    /** Base64 PKCS#8 Ed25519 key signing console sessions; without it, a key of the process (sessions end on restart). */
    Optional<String> sessionSigningKey();

    /** Absolute lifetime of a session from its sign-in, however active it is. */
    @WithDefault("8h")
    @DurationMin(seconds = 1)
    @DurationMax(days = 7)
    Duration sessionLifetime();

    /** A session unused for this long ends (never later than its absolute lifetime). */
    @WithDefault("15m")
    @DurationMin(seconds = 1)
    @DurationMax(days = 1)
    Duration sessionIdleTimeout();

    SignIn signIn();

    /** The per-account sign-in throttle (per address, the gateway limits every keyless request). */
    interface SignIn {

        /** Failed sign-ins of one (tenant, email) within {@link #failureWindow()} before any delay. */
        @WithDefault("5")
        @Min(1)
        @Max(100)
        int freeFailures();

        /** Failures older than this are forgotten. */
        @WithDefault("15m")
        @DurationMin(seconds = 1)
        Duration failureWindow();

        /** The delay after the last free failure; each further failure doubles it. */
        @WithDefault("1s")
        @DurationMin(millis = 1)
        Duration firstDelay();

        /** The longest delay (a cap, so an attacker can delay a real user but never lock them out for good). */
        @WithDefault("15m")
        @DurationMin(seconds = 1)
        @DurationMax(hours = 24)
        Duration longestDelay();

        /** Accounts the throttle remembers at once (least recently failed forgotten first): bounded memory. */
        @WithDefault("100000")
        @Min(100)
        @Max(10000000)
        int accountsTracked();
    }
}
