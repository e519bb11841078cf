package io.atc.keys.apikeys;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one response that carries a raw key: right after creation or rotation. Store it now; it
 * cannot be shown again.
 */
@Schema(example = ApiKeyExamples.ISSUED)
public record IssuedApiKey(
        @Schema(
                description = "the raw key, shown in this response only: send it as `Authorization: Bearer <key>`"
                        + " or `X-Api-Key`")
        String key,

        ApiKeyView apiKey) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + apiKey.prefix() + "]";
    }
}
