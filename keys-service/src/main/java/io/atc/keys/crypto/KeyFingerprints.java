package io.atc.keys.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.atc.keys.config.KeysConfig;

/**
 * The 16-character fingerprint that finds a key's row: the first 64 bits, in hex, of
 * HMAC-SHA-256(pepper, full key). The pepper (ATC_KEYS_PEPPER, base64, at least 32 bytes) is a
 * secret kept out of the database, so a stolen table cannot even test guesses against fingerprints.
 */
@ApplicationScoped
public class KeyFingerprints {

    private final SecretKeySpec pepper;

    @Inject
    public KeyFingerprints(KeysConfig config) {
        this(config.pepper());
    }

    public KeyFingerprints(Optional<String> pepperBase64) {
        this.pepper = pepperBase64
                .flatMap(KeyFingerprints::pepper)
                .map(bytes -> new SecretKeySpec(bytes, "HmacSHA256"))
                .orElse(null);
    }

    /** Why the configured pepper is unusable, if it is (checked at start-up). */
    public static Optional<String> problemWith(Optional<String> pepperBase64) {
        if (pepperBase64.filter(value -> !value.isBlank()).isEmpty()) {
            return Optional.of("ATC_KEYS_PEPPER is not set: key fingerprints need a secret pepper (base64, 32+ bytes)");
        }
        return pepper(pepperBase64.get()).isPresent()
                ? Optional.empty()
                : Optional.of("ATC_KEYS_PEPPER must be base64 of at least 32 bytes");
    }

    private static Optional<byte[]> pepper(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            return bytes.length >= 32 ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String of(String rawKey) {
        if (pepper == null) {
            throw new IllegalStateException("ATC_KEYS_PEPPER is not configured");
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(pepper);
            byte[] digest = hmac.doFinal(rawKey.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
