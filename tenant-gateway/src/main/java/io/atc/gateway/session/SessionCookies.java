package io.atc.gateway.session;

import java.util.List;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

/** The console session cookie among a request's cookies; two different ones are ambiguous, and refused. */
public final class SessionCookies {

    public static final String SESSION = "__Host-atc_session";
    /** A value that is never a session: an ambiguous presentation is refused by the keys-service's check. */
    public static final String AMBIGUOUS = "ambiguous";

    private SessionCookies() {}

    /** The session cookie's value, null when there is none. */
    public static String from(List<String> cookieHeaders) {
        String found = null;
        for (String header : cookieHeaders) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
                if (!SESSION.equals(cookie.name())) {
                    continue;
                }
                if (found != null && !found.equals(cookie.value())) {
                    return AMBIGUOUS;
                }
                found = cookie.value();
            }
        }
        return found == null || found.isEmpty() ? null : found;
    }
}
