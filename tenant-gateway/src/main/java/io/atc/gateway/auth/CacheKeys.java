package io.atc.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the caches remember a presented key by: HMAC-SHA-256 of the whole key under a secret drawn
 * per process. The raw key is never kept, and a heap dump of one replica does not even let anyone
 * test guesses against another replica's caches.
 */
final class CacheKeys {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;
    /** Mac is not thread-safe and event loops are few: one per thread, created once. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    CacheKeys() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        secret = new SecretKeySpec(random, ALGORITHM);
        newMac();
    }

    /** The HMAC's 32 bytes as the chars of a String (an internal map key, never shown: no text encoding needed). */
    String of(String presentedKey) {
        return new String(
                macs.get().doFinal(presentedKey.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
