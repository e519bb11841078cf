package io.atc.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens of the console's forms (double submit). Signed in, a form carries the session's CSRF token,
 * which the console compares with the __Host-atc_csrf cookie and the keys-service with the signed
 * session. Before sign-in, the sign-in form carries a random token also set in a __Host- cookie, so a
 * page of another site cannot sign a browser in to the attacker's account (login CSRF).
 */
public final class FormTokens {

    public static final String SIGN_IN_COOKIE = "__Host-atc_console_form";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormTokens() {}

    public static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the form's token is the cookie's, in constant time; a missing one never matches. */
    public static boolean matches(String fromForm, String fromCookie) {
        if (fromForm == null || fromCookie == null || fromForm.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                fromForm.getBytes(StandardCharsets.UTF_8), fromCookie.getBytes(StandardCharsets.UTF_8));
    }
}
