package io.atc.edge.devices;

/**
 * Request and response examples of the devices API, as its OpenAPI document shows them. Topics show the
 * tenant as {@code <tenant>} (only DeviceTopic spells topics; ArchitectureTests). The password
 * is an obvious fake: a real one is 32 base64url characters shown once.
 */
public final class DeviceExamples {

    static final String DRAFT = """
            {"name": "Gate camera 1"}""";

    static final String DEVICE = """
            {"id": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "siteId": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", \
            "name": "Gate camera 1", "mqttUsername": "d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "enabled": true, \
            "eventsTopic": "atc/<tenant>/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/\
            6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/events", \
            "imagesTopic": "atc/<tenant>/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/\
            6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/images", \
            "createdAt": "2026-11-29T07:00:00Z", "updatedAt": "2026-11-29T07:00:00Z"}""";

    static final String CREDENTIALS = """
            {"device": """ + DEVICE + """
            , "mqttUsername": "d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", \
            "mqttPassword": "pW7xQ2k9vL4m_EXAMPLE-ONLY_not-a-secret"}""";

    static final String PATCH_DISABLE = """
            {"enabled": false}""";

    static final String PATCH_RENAME = """
            {"name": "Gate camera 1 (north)"}""";

    static final String DISABLED = """
            {"id": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "siteId": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", \
            "name": "Gate camera 1", "mqttUsername": "d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "enabled": false, \
            "eventsTopic": "atc/<tenant>/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/\
            6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/events", \
            "imagesTopic": "atc/<tenant>/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/\
            6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/images", \
            "createdAt": "2026-11-29T07:00:00Z", "updatedAt": "2026-11-30T10:42:00Z"}""";

    public static final String PAGE = """
            {"items": [""" + DEVICE + """
            ], "next": "aWQ6NmYxYzJkM2UtNGI1YS00YzZkLThlN2YtOWEwYjFjMmQzZTRm"}""";

    static final String POLICY_CHANGE = """
            {"policy": "certificate-only"}""";

    static final String POLICY = """
            {"policy": "certificate-only", "passwordLogin": false}""";

    private DeviceExamples() {}
}
