package io.atc.keys.apikeys;

/**
 * The request and response examples of the key operations in the OpenAPI document. The raw keys are
 * obviously fake (EXAMPLE-ONLY): no example may look like a secret someone could use or a scanner flag.
 */
public final class ApiKeyExamples {

    public static final String DRAFT = """
            {"name": "CI deploys", "scopes": ["sites:read", "sites:write"], "expiresAt": "2027-06-30T00:00:00Z",
             "allowedCidrs": ["203.0.113.0/24", "2001:db8::/32"], "allowedOrigins": ["https://console.example.com"]}""";

    public static final String ISSUED = """
            {"key": "atc_live_4fQk2ZrT9pLx_EXAMPLE-ONLY-not-a-real-key",
             "apiKey": {"id": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "prefix": "atc_live_4fQk2ZrT9pLx",
              "name": "CI deploys", "scopes": ["sites:read", "sites:write"],
              "allowedCidrs": ["203.0.113.0/24", "2001:db8::/32"], "allowedOrigins": ["https://console.example.com"],
              "expiresAt": "2027-06-30T00:00:00Z", "status": "active", "createdAt": "2026-11-29T07:00:00Z",
              "createdBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "unused": false}}""";

    public static final String ROTATION = """
            {"gracePeriodSeconds": 3600}""";

    public static final String ROTATED = """
            {"key": "atc_live_9dHs3LmQ1wVe_EXAMPLE-ONLY-not-a-real-key",
             "apiKey": {"id": "5c2e8a1f-3d4b-4e6a-9f0c-7b1d2e3f4a5b", "prefix": "atc_live_9dHs3LmQ1wVe",
              "name": "CI deploys", "scopes": ["sites:read", "sites:write"],
              "allowedCidrs": ["203.0.113.0/24", "2001:db8::/32"], "allowedOrigins": ["https://console.example.com"],
              "expiresAt": "2027-06-30T00:00:00Z", "status": "active", "createdAt": "2026-12-01T09:30:00Z",
              "createdBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "unused": false}}""";

    public static final String KEY = """
            {"id": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "prefix": "atc_live_4fQk2ZrT9pLx", "name": "CI deploys",
             "scopes": ["sites:read", "sites:write"], "allowedCidrs": ["203.0.113.0/24"], "allowedOrigins": [],
             "expiresAt": "2027-06-30T00:00:00Z", "status": "revoked", "createdAt": "2026-11-29T07:00:00Z",
             "createdBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "revokedAt": "2026-12-01T09:30:00Z",
             "rotatedTo": "5c2e8a1f-3d4b-4e6a-9f0c-7b1d2e3f4a5b", "lastUsedAt": "2026-12-01T09:29:00Z",
             "lastUsedFrom": "203.0.113.7", "unused": false}""";

    public static final String PAGE = """
            {"items": [
              {"id": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "prefix": "atc_live_4fQk2ZrT9pLx", "name": "CI deploys",
               "scopes": ["sites:read", "sites:write"], "allowedCidrs": ["203.0.113.0/24"], "allowedOrigins": [],
               "status": "active", "createdAt": "2026-11-29T07:00:00Z", "createdBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
               "lastUsedAt": "2026-12-03T16:41:00Z", "lastUsedFrom": "203.0.113.7", "unused": false},
              {"id": "1d7a9c2b-4e5f-4a6b-8c9d-0e1f2a3b4c5d", "prefix": "atc_live_Q8wErT5yU2iO", "name": "Dashboard",
               "scopes": ["events:read"], "allowedCidrs": [], "allowedOrigins": ["https://console.example.com"],
               "expiresAt": "2026-10-01T00:00:00Z", "status": "expired", "createdAt": "2026-09-01T12:00:00Z",
               "createdBy": "user:7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e", "unused": false}],
             "next": "aWQ6MWQ3YTljMmItNGU1Zi00YTZiLThjOWQtMGUxZjJhM2I0YzVk"}""";

    private ApiKeyExamples() {}
}
