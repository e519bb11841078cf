package io.atc.keys.apikeys;

import io.atc.core.keys.ParsedApiKey;

/** A freshly generated key and the row that will store its hash. */
public record PreparedKey(ParsedApiKey key, NewKeyRow row) {

    @Override
    public String toString() {
        return "PreparedKey[" + key.prefix() + "]";
    }
}
