package io.atc.devservices.mqtt;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The dynamic-security admin that a broker started by the testkit is initialised with. */
public final class DynsecAdmin {

    public static final String USER = "admin";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DynsecAdmin() {}

    /** 192 random bits as hex: safe as a command-line argument, never mistaken for an option. */
    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
