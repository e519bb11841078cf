package io.atc.core.keys;

/**
 * A well-formed key of this deployment. {@code raw} is the secret: it is never logged, stored,
 * audited or put in an error; {@link #toString()} shows only the public prefix.
 */
public record ParsedApiKey(String raw, String prefix) {

    @Override
    public String toString() {
        return "ApiKey[" + prefix + "_…]";
    }
}
