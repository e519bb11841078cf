package io.atc.edge.pki;

import org.bouncycastle.asn1.x509.CRLReason;

/** Why a device certificate was revoked: as stored in the database, and as its CRL entry says it. */
public enum RevocationReason {
    /** Replaced by a newer certificate for the same device (rotation). */
    SUPERSEDED("superseded", CRLReason.superseded),
    /** Revoked on request, or its device was deleted. */
    CESSATION_OF_OPERATION("cessation_of_operation", CRLReason.cessationOfOperation);

    private final String stored;
    private final int crlReason;

    RevocationReason(String stored, int crlReason) {
        this.stored = stored;
        this.crlReason = crlReason;
    }

    public String stored() {
        return stored;
    }

    int crlReason() {
        return crlReason;
    }

    static RevocationReason fromStored(String value) {
        for (RevocationReason reason : values()) {
            if (reason.stored.equals(value)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason " + value);
    }
}
