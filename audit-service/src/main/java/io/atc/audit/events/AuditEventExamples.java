package io.atc.audit.events;

/** The audit-trail examples of the OpenAPI document: events as a tenant reads them. */
public final class AuditEventExamples {

    public static final String EVENT = """
            {"tenant": "6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14", "seq": 42, "version": 1,
             "prevHash": "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c2e4a6b8d0f2e4c6a8b0d",
             "hash": "3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d",
             "occurredAt": "2026-12-04T09:15:02.123456Z", "actor": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
             "action": "key.created", "target": "key:0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d",
             "payload": {"prefix": "atc_live_4fQk2ZrT9pLx", "name": "CI deploys", "scopes": ["sites:read"],
              "allowedCidrs": [], "allowedOrigins": []},
             "payloadSalt": "5e8a1c4f7b2d6e9a3c5f8b1d4e7a2c6f9b3d5e8a1c4f7b2d6e9a3c5f8b1d4e7a",
             "payloadHash": "c1e3a5b7d9f1c3e5a7b9d1f3c5e7a9b1d3f5c7e9a1b3d5f7c9e1a3b5d7f9c1e3"}""";

    public static final String PAGE = """
            {"items": [
              {"tenant": "6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14", "seq": 0, "version": 1,
               "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
               "hash": "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c2e4a6b8d0f2e4c6a8b0d",
               "occurredAt": "2026-11-29T07:00:00.000001Z", "actor": "platform", "action": "audit.chain.started",
               "target": "tenant:6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14", "payload": {},
               "payloadSalt": "a1c4f7b2d6e9a3c5f8b1d4e7a2c6f9b3d5e8a1c4f7b2d6e9a3c5f8b1d4e7a2c6",
               "payloadHash": "e7a9b1d3f5c7e9a1b3d5f7c9e1a3b5d7f9c1e3a5b7d9f1c3e5a7b9d1f3c5e7a9"},
              {"tenant": "6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14", "seq": 1, "version": 1,
               "prevHash": "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c2e4a6b8d0f2e4c6a8b0d",
               "hash": "4c6e8a0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c",
               "occurredAt": "2026-11-29T07:05:00.000002Z", "actor": "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
               "action": "site.created", "target": "site:2a4c6e8f-0b1d-4f3a-8c5e-7a9b1c3d5e7f",
               "payloadHash": "b3d5f7c9e1a3b5d7f9c1e3a5b7d9f1c3e5a7b9d1f3c5e7a9b1d3f5c7e9a1b3d5",
               "tombstonedAt": "2026-12-01T10:00:00Z"}],
             "next": "c2VxOjE"}""";

    /** Two lines of an export: JSON Lines, one event per line. */
    public static final String EXPORT = """
            {"tenant":"6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14","seq":41,"version":1,"prevHash":"7a9c0b2d4f6e8a0c2e4a6b8d0f2e4c6a8b0d9f2c4e6a8b0d1f3e5a7c9b1d3f5e","hash":"9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c2e4a6b8d0f2e4c6a8b0d","occurredAt":"2026-12-04T09:14:58.000001Z","actor":"key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9","action":"site.created","target":"site:2a4c6e8f-0b1d-4f3a-8c5e-7a9b1c3d5e7f","payload":{"name":"Pier 4"},"payloadSalt":"a1c4f7b2d6e9a3c5f8b1d4e7a2c6f9b3d5e8a1c4f7b2d6e9a3c5f8b1d4e7a2c6","payloadHash":"e7a9b1d3f5c7e9a1b3d5f7c9e1a3b5d7f9c1e3a5b7d9f1c3e5a7b9d1f3c5e7a9"}
            {"tenant":"6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14","seq":42,"version":1,"prevHash":"9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c2e4a6b8d0f2e4c6a8b0d","hash":"3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d","occurredAt":"2026-12-04T09:15:02.123456Z","actor":"key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9","action":"key.revoked","target":"key:0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d","payload":{"prefix":"atc_live_4fQk2ZrT9pLx"},"payloadSalt":"5e8a1c4f7b2d6e9a3c5f8b1d4e7a2c6f9b3d5e8a1c4f7b2d6e9a3c5f8b1d4e7a","payloadHash":"c1e3a5b7d9f1c3e5a7b9d1f3c5e7a9b1d3f5c7e9a1b3d5f7c9e1a3b5d7f9c1e3"}
            """;

    private AuditEventExamples() {}
}
