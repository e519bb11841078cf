package io.atc.edge.broker;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Device passwords: 192 bits from SecureRandom, base64url. The broker keeps only its own salted
 * PBKDF2 hash; the platform keeps nothing, so a password is shown once and can only be reset.
 */
public final class MqttPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 24;

    private MqttPasswords() {}

    public static String generate() {
        byte[] secret = new byte[BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
