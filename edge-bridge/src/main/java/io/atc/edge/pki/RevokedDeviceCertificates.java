package io.atc.edge.pki;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The serials a revocation request revoked (empty when the device had no valid certificate). */
public record RevokedDeviceCertificates(
        @Schema(description = "Hex serials of the certificates this request revoked; empty when there were none")
        List<String> revokedSerials) {}
