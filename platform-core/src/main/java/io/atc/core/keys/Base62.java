package io.atc.core.keys;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Base62 (0-9, A-Z, a-z): URL-safe, double-click selectable, no padding. */
final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private Base62() {}

    /** {@code length} characters, each uniformly random (rejection-free: 62 symbols drawn one by one). */
    static String random(SecureRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(62)));
        }
        return out.toString();
    }

    /** {@code value} in exactly {@code width} digits, left-padded with '0'. */
    static String fixedWidth(long value, int width) {
        String digits = encode(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " base62 digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static String encode(long value) {
        BigInteger remaining = new BigInteger(Long.toUnsignedString(value));
        StringBuilder out = new StringBuilder();
        do {
            BigInteger[] division = remaining.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(division[1].intValue()));
            remaining = division[0];
        } while (remaining.signum() > 0);
        return out.reverse().toString();
    }
}
