package io.atc.testkit.broker;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The dynamic-security admin that a broker started by the testkit is initialised with. */
final class DynsecAdmin {

    static final String USER = "admin";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DynsecAdmin() {
    }

    /** 192 random bits as hex: safe as a command-line argument, never mistaken for an option. */
    static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
