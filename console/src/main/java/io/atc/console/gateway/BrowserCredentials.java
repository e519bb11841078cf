package io.atc.console.gateway;

import jakarta.ws.rs.CookieParam;

/**
 * The browser's console cookies, as the gateway forwarded them: the session (HttpOnly) and its CSRF
 * token. The console passes them on to the gateway's API unchanged and keeps nothing. A page takes them
 * as one {@code @BeanParam}.
 */
public record BrowserCredentials(
        @CookieParam(SESSION_COOKIE) String session,
        @CookieParam(CSRF_COOKIE) String csrf) {

    public static final String SESSION_COOKIE = "__Host-atc_session";
    public static final String CSRF_COOKIE = "__Host-atc_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    public boolean signedIn() {
        return session != null && !session.isBlank();
    }

    String cookieHeader() {
        StringBuilder cookies = new StringBuilder();
        if (session != null) {
            cookies.append(SESSION_COOKIE).append('=').append(session);
        }
        if (csrf != null) {
            cookies.append(cookies.isEmpty() ? "" : "; ")
                    .append(CSRF_COOKIE)
                    .append('=')
                    .append(csrf);
        }
        return cookies.toString();
    }
}
