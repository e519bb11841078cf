package io.atc.keys.apikeys;

/**
 * The one response that carries a raw key: right after creation or rotation. Store it now; it
 * cannot be shown again.
 */
public record IssuedApiKey(String key, ApiKeyView apiKey) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + apiKey.prefix() + "]";
    }
}
