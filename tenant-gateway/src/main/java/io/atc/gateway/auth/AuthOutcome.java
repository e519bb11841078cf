package io.atc.gateway.auth;

/**
 * Every way a request's authentication can end. Each is a metric tag value (never key material)
 * and maps to one problem type at the edge.
 */
public enum AuthOutcome {
    OK,
    MISSING,
    BAD_FORMAT,
    UNKNOWN,
    REVOKED,
    EXPIRED,
    IP_DENIED,
    ORIGIN_DENIED,
    RATE_LIMITED,
    OVERLOADED,
    /** The client address spent its budget of cold verifications (well-formed keys not seen lately). */
    THROTTLED,
    /** A console session presented on the API is not a live one, or a change lacks its CSRF token. */
    SESSION_REFUSED,
    /** The keys-service could not answer (unreachable, error, timeout): nothing is known about the key. */
    UNAVAILABLE;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
