package io.atc.retention.runs;

/** The response examples of the run history operations in the OpenAPI document; PAGE is public for PageResponseExamples. */
public final class RunExamples {

    static final String PURGE = """
            {"runId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "kind": "purge",
             "siteId": "9a4c1e2b-7d3f-4a5b-8c6d-0e1f2a3b4c5d", "deviceId": null, "status": "finished",
             "startedAt": "2026-11-30T02:00:01.207734Z", "finishedAt": "2026-11-30T02:00:04.918260Z",
             "eventsDeleted": 18240, "eventBytes": 5230112, "imagesDeleted": 0, "imageBytes": 0,
             "idsDigest": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
             "eventsCutoff": "2026-11-16T02:00:01.207734Z", "imagesCutoff": "2026-09-01T02:00:01.207734Z",
             "auditSeq": 2290, "reason": null, "requestedBy": "platform:retention-purge"}""";

    public static final String PAGE = """
            {"items": [
              {"runId": "8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b", "kind": "erasure",
               "siteId": "9a4c1e2b-7d3f-4a5b-8c6d-0e1f2a3b4c5d", "deviceId": "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b",
               "status": "finished", "startedAt": "2026-12-01T10:12:44.301925Z",
               "finishedAt": "2026-12-01T10:12:45.077413Z", "eventsDeleted": 1843, "eventBytes": 604211,
               "imagesDeleted": 12, "imageBytes": 2811904,
               "idsDigest": "a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa",
               "eventsCutoff": null, "imagesCutoff": null, "auditSeq": 2291,
               "reason": "Erasure request of the data subject, ticket PRIV-2231",
               "requestedBy": "user:7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e"},
              {"runId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "kind": "purge",
               "siteId": "9a4c1e2b-7d3f-4a5b-8c6d-0e1f2a3b4c5d", "deviceId": null, "status": "finished",
               "startedAt": "2026-11-30T02:00:01.207734Z", "finishedAt": "2026-11-30T02:00:04.918260Z",
               "eventsDeleted": 18240, "eventBytes": 5230112, "imagesDeleted": 0, "imageBytes": 0,
               "idsDigest": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
               "eventsCutoff": "2026-11-16T02:00:01.207734Z", "imagesCutoff": "2026-09-01T02:00:01.207734Z",
               "auditSeq": 2290, "reason": null, "requestedBy": "platform:retention-purge"}],
             "next": "bmV3ZXN0OjIwMjYtMTEtMzBUMDI6MDA6MDEuMjA3NzM0WiwxYTJiM2M0ZC01ZTZmLTRhN2ItOGM5ZC0wZTFmMmEzYjRjNWQ"}""";

    private RunExamples() {}
}
