package io.atc.retention.erasure;

/** The request and response examples of the erasure in the OpenAPI document. */
final class ErasureExamples {

    static final String REQUEST = """
            {"deviceId": "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b",
             "reason": "Erasure request of the data subject, ticket PRIV-2231"}""";

    static final String RECEIPT = """
            {"erasureId": "8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b", "target": "device:f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b",
             "eventsDeleted": 1843, "eventBytes": 604211, "imagesDeleted": 12, "imageBytes": 2811904,
             "idsDigest": "a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa",
             "tombstonedSeqs": [1042, 1043, 1187], "auditSeq": 2291}""";

    private ErasureExamples() {}
}
