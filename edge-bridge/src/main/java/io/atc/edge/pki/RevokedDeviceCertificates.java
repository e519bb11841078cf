package io.atc.edge.pki;

import java.util.List;

/** The serials a revocation request revoked (empty when the device had no valid certificate). */
public record RevokedDeviceCertificates(List<String> revokedSerials) {}
