package io.atc.gateway.auth;

/**
 * What a request presented as its API key: the key text, or why there is none to check
 * ({@link AuthOutcome#MISSING} or {@link AuthOutcome#BAD_FORMAT}). {@link #toString()} never shows the key.
 */
public record PresentedKey(String value, AuthOutcome problem) {

    public PresentedKey {
        if ((value == null) == (problem == null)) {
            throw new IllegalArgumentException("a presented key has either a value or a problem");
        }
    }

    static PresentedKey of(String value) {
        return new PresentedKey(value, null);
    }

    static PresentedKey missing() {
        return new PresentedKey(null, AuthOutcome.MISSING);
    }

    static PresentedKey badFormat() {
        return new PresentedKey(null, AuthOutcome.BAD_FORMAT);
    }

    public boolean present() {
        return value != null;
    }

    @Override
    public String toString() {
        return present() ? "PresentedKey[redacted]" : "PresentedKey[" + problem.tag() + "]";
    }
}
