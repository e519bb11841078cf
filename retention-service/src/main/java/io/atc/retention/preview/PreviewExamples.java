package io.atc.retention.preview;

/** The response example of the retention preview in the OpenAPI document. */
final class PreviewExamples {

    static final String PREVIEW = """
            {"siteId": "9a4c1e2b-7d3f-4a5b-8c6d-0e1f2a3b4c5d", "at": "2026-12-01T08:00:00.125004Z",
             "siteHeld": false, "siteHolds": [], "heldDevices": ["c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"],
             "events": {"days": 14, "source": "site", "cutoff": "2026-11-17T08:00:00.125004Z", "count": 18240,
              "bytes": 5230112, "oldestReceivedAt": "2026-11-16T23:59:41.310552Z",
              "newestReceivedAt": "2026-11-17T07:59:58.902177Z"},
             "images": {"days": 90, "source": "tenant", "cutoff": "2026-09-02T08:00:00.125004Z", "count": 0,
              "bytes": 0, "oldestReceivedAt": null, "newestReceivedAt": null}}""";

    private PreviewExamples() {}
}
