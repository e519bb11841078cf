package io.atc.gateway.proxy;

import java.util.concurrent.ThreadLocalRandom;

import io.netty.util.AsciiString;

/**
 * X-Request-Id: the caller's when it is a plausible id (1 to 128 of letters, digits, {@code -._:}),
 * otherwise a fresh random one, so that nothing a caller sends lands in upstream logs unchecked.
 */
final class RequestIds {

    static final AsciiString HEADER = AsciiString.cached("X-Request-Id");
    private static final int MAX_LENGTH = 128;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private RequestIds() {}

    static CharSequence acceptOrCreate(String presented) {
        return presented != null && plausible(presented) ? presented : create();
    }

    static boolean plausible(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 128 random bits, hex: unique enough to correlate logs, and not a secret (no SecureRandom needed). */
    static AsciiString create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new AsciiString(id, false);
    }
}
