package io.atc.audit.verify;

/**
 * The verdict on one tenant's chain. {@code verifiedThroughSeq} is the last seq whose hash, link
 * and payload commitment held (-1 when none did); {@code firstBadSeq} and {@code reason} name the
 * first failure (docs/audit.md lists the reasons).
 */
public record VerificationResult(
        boolean ok, long verifiedThroughSeq, Long firstBadSeq, String reason, Long checkpointSeq) {

    public static VerificationResult passed(long through, Long checkpointSeq) {
        return new VerificationResult(true, through, null, null, checkpointSeq);
    }

    public static VerificationResult failed(long through, long firstBad, String reason, Long checkpointSeq) {
        return new VerificationResult(false, through, firstBad, reason, checkpointSeq);
    }
}
