package io.atc.audit.verify;

/** The verification examples of the OpenAPI document (docs/audit.md, "Verification"). */
public final class VerificationExamples {

    public static final String PASSED = """
            {"ok": true, "verifiedThroughSeq": 1000013, "firstBadSeq": null, "reason": null, "checkpointSeq": 1000010,
             "mode": "incremental",
             "from": {"seq": 1000010, "checkpoint": true, "signedAt": "2026-12-04T14:00:00Z",
              "covers": "events 0..1000010 were verified before signed checkpoint 1000010 was signed; its hash commits to them; mode=full re-hashes them"},
             "eventsRead": 4, "eventsHashed": 3, "detail": null}""";

    public static final String TAMPERED = """
            {"ok": false, "verifiedThroughSeq": 41, "firstBadSeq": 42, "reason": "payload-mismatch",
             "checkpointSeq": 1000010, "mode": "full",
             "from": {"seq": 0, "checkpoint": false, "signedAt": null,
              "covers": "mode=full: every event re-hashed from genesis"},
             "eventsRead": 43, "eventsHashed": 43, "detail": null}""";

    private VerificationExamples() {}
}
