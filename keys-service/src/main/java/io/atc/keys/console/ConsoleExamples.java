package io.atc.keys.console;

/** The console examples of the OpenAPI document; passwords and tokens in them are obviously fake (EXAMPLE-ONLY). */
public final class ConsoleExamples {

    public static final String SIGN_IN = """
            {"tenant": "6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14", "email": "ops@harbour.example",
             "password": "EXAMPLE-ONLY correct horse battery staple"}""";

    public static final String SESSION = """
            {"tenant": "6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14", "userId": "7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e",
             "scopes": ["sites:read", "devices:read"], "expiresAt": "2026-12-04T20:00:00Z",
             "csrfToken": "EXAMPLE-ONLY-csrf-token"}""";

    public static final String USER_DRAFT = """
            {"email": "ops@harbour.example", "password": "EXAMPLE-ONLY correct horse battery staple",
             "scopes": ["sites:read", "devices:read"]}""";

    public static final String USER = """
            {"id": "7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e", "email": "ops@harbour.example",
             "scopes": ["sites:read", "devices:read"], "createdAt": "2026-11-29T07:05:00Z",
             "createdBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "disabledAt": null}""";

    public static final String DISABLED_USER = """
            {"id": "7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e", "email": "ops@harbour.example",
             "scopes": ["sites:read", "devices:read"], "createdAt": "2026-11-29T07:05:00Z",
             "createdBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "disabledAt": "2026-12-04T09:15:00Z"}""";

    public static final String NEW_PASSWORD = """
            {"password": "EXAMPLE-ONLY another correct horse battery staple"}""";

    private ConsoleExamples() {}
}
