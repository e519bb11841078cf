package io.atc.edge.pki;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client may send to have a device certificate issued: a CSR, or nothing for a generated key. */
@Schema(description = "Optional: a PEM CSR. Without one the platform generates an EC P-256 key and returns it once.")
public record CertificateRequest(
        @Schema(description = "PEM PKCS#10 certificate signing request; its subject is ignored")
        @Size(max = 16384, message = "must be at most 16384 characters")
        String csr) {}
