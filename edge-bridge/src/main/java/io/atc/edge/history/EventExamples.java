package io.atc.edge.history;

/** Response examples of the site history API, as its OpenAPI document shows them. */
public final class EventExamples {

    static final String EVENT = """
            {"eventId": "2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5e7a", "deviceId": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", \
            "siteId": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "type": "vehicle.detected", \
            "occurredAt": "2026-11-29T07:58:12.25Z", "receivedAt": "2026-11-29T07:58:12.731Z", \
            "body": {"plate": "AB-123-C", "lane": 2, "confidence": 0.97}, \
            "imageId": "4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d", \
            "imageUrl": "/v1/sites/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/images/4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d\
            ?deviceId=6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"}""";

    public static final String PAGE = """
            {"items": [""" + EVENT + """
            ], "next": "ZXZlbnRzOjE3OTU5MzkwOTIyNTAwMDB-NmYxYzJkM2UtNGI1YS00YzZkLThlN2YtOWEwYjFjMmQzZTRmfjJjNGU2YThiLT\
            BkMWYtNGEzYy05ZTViLTdkOWYxYjNkNWU3YQ"}""";

    private EventExamples() {}
}
