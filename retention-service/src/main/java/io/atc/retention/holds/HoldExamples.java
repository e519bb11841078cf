package io.atc.retention.holds;

/**
 * The request and response examples of the legal hold operations in the OpenAPI document; PAGE is public for
 * PageResponseExamples.
 */
public final class HoldExamples {

    static final String DRAFT = """
            {"deviceId": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
             "reason": "Litigation hold, case 2026-CV-0412: keep the gate camera's footage",
             "endsAt": "2027-06-30T00:00:00Z"}""";

    static final String SET = """
            {"holdId": "5d0c3a7e-1f2b-4c8d-9e6a-3b4c5d6e7f80", "siteId": null,
             "deviceId": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
             "reason": "Litigation hold, case 2026-CV-0412: keep the gate camera's footage",
             "setBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "setAt": "2026-11-28T09:15:02.481520Z",
             "endsAt": "2027-06-30T00:00:00Z", "releasedAt": null, "releasedBy": null, "active": true}""";

    static final String RELEASED = """
            {"holdId": "5d0c3a7e-1f2b-4c8d-9e6a-3b4c5d6e7f80", "siteId": null,
             "deviceId": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
             "reason": "Litigation hold, case 2026-CV-0412: keep the gate camera's footage",
             "setBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "setAt": "2026-11-28T09:15:02.481520Z",
             "endsAt": "2027-06-30T00:00:00Z", "releasedAt": "2027-01-12T14:03:27.550912Z",
             "releasedBy": "user:7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e", "active": false}""";

    public static final String PAGE = """
            {"items": [
              {"holdId": "5d0c3a7e-1f2b-4c8d-9e6a-3b4c5d6e7f80", "siteId": null,
               "deviceId": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
               "reason": "Litigation hold, case 2026-CV-0412: keep the gate camera's footage",
               "setBy": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "setAt": "2026-11-28T09:15:02.481520Z",
               "endsAt": "2027-06-30T00:00:00Z", "releasedAt": null, "releasedBy": null, "active": true},
              {"holdId": "2b8e4f6a-0c1d-4e2f-a3b4-c5d6e7f8a9b0", "siteId": "9a4c1e2b-7d3f-4a5b-8c6d-0e1f2a3b4c5d",
               "deviceId": null, "reason": "Insurance claim 88-1207: incident of 2026-11-02 at the loading bay",
               "setBy": "user:7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e", "setAt": "2026-11-03T07:30:00.000118Z",
               "endsAt": null, "releasedAt": null, "releasedBy": null, "active": true}],
             "next": "bmV3ZXN0OjIwMjYtMTEtMDNUMDc6MzA6MDAuMDAwMTE4WiwyYjhlNGY2YS0wYzFkLTRlMmYtYTNiNC1jNWQ2ZTdmOGE5YjA"}""";

    private HoldExamples() {}
}
