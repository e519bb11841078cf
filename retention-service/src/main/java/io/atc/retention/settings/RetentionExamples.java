package io.atc.retention.settings;

/** The request and response examples of the retention settings operations in the OpenAPI document. */
final class RetentionExamples {

    static final String SITE_CHANGE = """
            {"eventsDays": 14, "imagesDays": null}""";

    static final String SITE = """
            {"events": {"days": 14, "source": "site", "own": 14},
             "images": {"days": 90, "source": "tenant", "own": null},
             "updatedAt": "2026-11-28T09:15:02.481520Z", "updatedBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9"}""";

    static final String TENANT_CHANGE = """
            {"eventsDays": null, "imagesDays": 90}""";

    static final String TENANT = """
            {"events": {"days": 30, "source": "platform", "own": null},
             "images": {"days": 90, "source": "tenant", "own": 90},
             "updatedAt": "2026-11-20T16:42:10.003117Z", "updatedBy": "user:7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e"}""";

    private RetentionExamples() {}
}
