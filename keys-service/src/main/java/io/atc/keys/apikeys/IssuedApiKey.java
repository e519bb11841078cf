package io.atc.keys.apikeys;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one response that carries a raw key: right after creation or rotation. Store it now; it
 * cannot be shown again.
 */
@Schema(example = """
        {"key": "atc_live_4fQk2ZrT9pLx_<secret: shown in this response only>", "apiKey": {"id": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "prefix": "atc_live_4fQk2ZrT9pLx", "name": "CI deploys", "scopes": ["sites:read", "sites:write"], "allowedCidrs": ["203.0.113.0/24"], "allowedOrigins": [], "status": "active", "createdAt": "2026-11-29T07:00:00Z", "createdBy": "key:admin"}}""")
public record IssuedApiKey(String key, ApiKeyView apiKey) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + apiKey.prefix() + "]";
    }
}
