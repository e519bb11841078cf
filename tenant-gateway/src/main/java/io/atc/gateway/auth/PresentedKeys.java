package io.atc.gateway.auth;

import java.util.List;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;

/**
 * Finds the API key a request presents: {@code Authorization: Bearer <key>} (scheme in any case) or
 * {@code X-Api-Key: <key>}. Ambiguity is refused rather than resolved: two different keys, a header
 * given twice, another Authorization scheme, an empty or oversized value are all {@link AuthOutcome#BAD_FORMAT}.
 */
public final class PresentedKeys {

    public static final String API_KEY_HEADER = "X-Api-Key";
    /** Far above a real key (about 70 characters): anything longer is not worth looking at. */
    static final int MAX_LENGTH = 256;

    private static final String BEARER = "bearer";
    private static final AsciiString AUTHORIZATION = AsciiString.cached("Authorization");
    private static final AsciiString API_KEY = AsciiString.cached(API_KEY_HEADER);

    private PresentedKeys() {}

    public static PresentedKey from(MultiMap headers) {
        List<String> authorization = headers.getAll(AUTHORIZATION);
        List<String> apiKey = headers.getAll(API_KEY);
        if (authorization.size() > 1 || apiKey.size() > 1) {
            return PresentedKey.badFormat();
        }
        String fromAuthorization = authorization.isEmpty() ? null : bearerToken(authorization.get(0));
        String fromApiKey = apiKey.isEmpty() ? null : singleToken(apiKey.get(0));
        if (!authorization.isEmpty() && fromAuthorization == null || !apiKey.isEmpty() && fromApiKey == null) {
            return PresentedKey.badFormat();
        }
        if (fromAuthorization != null && fromApiKey != null && !fromAuthorization.equals(fromApiKey)) {
            return PresentedKey.badFormat();
        }
        String key = fromAuthorization != null ? fromAuthorization : fromApiKey;
        return key == null ? PresentedKey.missing() : PresentedKey.of(key);
    }

    /** The token of a {@code Bearer} credential, or null when the value is anything else. */
    private static String bearerToken(String header) {
        String value = trimmed(header);
        if (value == null
                || value.length() <= BEARER.length()
                || value.charAt(BEARER.length()) != ' '
                || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return singleToken(value.substring(BEARER.length()));
    }

    /** The value without surrounding blanks, or null when it is empty, oversized or has blanks inside. */
    private static String singleToken(String header) {
        String value = trimmed(header);
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return null;
            }
        }
        return value;
    }

    private static String trimmed(String header) {
        if (header.length() > MAX_LENGTH) {
            return null;
        }
        String value = header.strip();
        return value.isEmpty() ? null : value;
    }
}
