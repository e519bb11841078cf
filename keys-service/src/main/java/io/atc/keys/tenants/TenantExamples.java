package io.atc.keys.tenants;

/** The onboarding examples of the OpenAPI document; the admin key is obviously fake (EXAMPLE-ONLY). */
public final class TenantExamples {

    public static final String DRAFT = """
            {"name": "Harbour Logistics", "adminKeyName": "Onboarding admin key", "deviceTransport": "certificate-only"}""";

    public static final String CREATED = """
            {"tenantId": "6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14", "name": "Harbour Logistics",
             "adminKey": {"key": "atc_live_Hb7Lg2Xp4Qz9_EXAMPLE-ONLY-not-a-real-key",
              "apiKey": {"id": "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "prefix": "atc_live_Hb7Lg2Xp4Qz9",
               "name": "Onboarding admin key", "scopes": ["admin"], "allowedCidrs": [], "allowedOrigins": [],
               "status": "active", "createdAt": "2026-11-29T07:00:00Z", "createdBy": "operator"}},
             "deviceTransport": "certificate-only"}""";

    private TenantExamples() {}
}
