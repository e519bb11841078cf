package io.atc.edge.pki;

import java.time.Instant;

/** One entry of a CRL. */
record RevokedCertificate(String serial, Instant revokedAt, RevocationReason reason) {}
