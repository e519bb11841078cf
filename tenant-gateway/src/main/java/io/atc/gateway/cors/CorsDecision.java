package io.atc.gateway.cors;

/** What an actual (non-preflight) request's Origin means for the presenting key. */
public enum CorsDecision {
    /** No Origin header: not a browser cross-origin call; only the key's IP allowlist applies. */
    NO_ORIGIN,
    /** The origin is in the key's own list: answer with Access-Control-Allow-Origin for it. */
    ALLOWED,
    /** Anything else, including {@code null} and malformed origins: 403 problem+json, no CORS headers. */
    DENIED
}
