package io.atc.audit.erasure;

/** The erasure examples of the OpenAPI document. */
public final class ErasureExamples {

    public static final String BY_SUBJECT = """
            {"subject": "device:8d1f3a5c-7e9b-4d2f-a6c8-0e2a4c6e8f1b", "reason": "GDPR Art. 17 request #2291"}""";

    public static final String BY_SEQ = """
            {"eventSeqs": [17, 18], "reason": "personal data pasted into a site name by mistake"}""";

    public static final String RECEIPT = """
            {"erasedSeqs": [17, 18, 231]}""";

    private ErasureExamples() {}
}
