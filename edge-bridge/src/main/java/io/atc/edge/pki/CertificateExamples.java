package io.atc.edge.pki;

/**
 * Request and response examples of the device certificate API, as its OpenAPI document shows them.
 * The PEM blocks are obvious fakes, shortened: real ones are whole certificates and keys.
 */
final class CertificateExamples {

    static final String CSR_REQUEST = """
            {"csr": "-----BEGIN CERTIFICATE REQUEST-----\\nMIHbMIGCAgEAMCAxHjAcBgNVBAMMFUVYQU1QTEUtT05MWS1ub3QtYS1jc3I=\\n\
            -----END CERTIFICATE REQUEST-----\\n"}""";

    static final String GENERATED_KEY_REQUEST = """
            {}""";

    static final String ISSUED = """
            {"serial": "5f0c3a9e21d4b7c86e1f9a0b3c5d7e8f", \
            "subject": "CN=d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f,OU=t-3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a,O=ATC Edge", \
            "fingerprint": "9c4e1f0a7b3d5e2c8f6a1b0d9e7c3a5f2d8b6e4c1a0f9e7d5c3b1a2f4e6d8c0b", \
            "notBefore": "2026-11-29T06:55:00Z", "notAfter": "2027-11-29T07:00:00Z", \
            "certificateChain": "-----BEGIN CERTIFICATE-----\\nMIIBEXAMPLEONLYdeviceCertificate\\n-----END CERTIFICATE-----\\n\
            -----BEGIN CERTIFICATE-----\\nMIIBEXAMPLEONLYtenantIntermediateCa\\n-----END CERTIFICATE-----\\n", \
            "privateKey": "-----BEGIN PRIVATE KEY-----\\nMIGHAgEAEXAMPLE-ONLY-not-a-real-key\\n-----END PRIVATE KEY-----\\n", \
            "revokedSerials": ["2a7d4c1e9b0f3a6d8c5e7b1f0a9d2c4e"]}""";

    static final String REVOKED = """
            {"revokedSerials": ["5f0c3a9e21d4b7c86e1f9a0b3c5d7e8f"]}""";

    private CertificateExamples() {}
}
