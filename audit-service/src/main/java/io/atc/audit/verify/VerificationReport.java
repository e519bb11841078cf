package io.atc.audit.verify;

import java.time.Instant;

import io.atc.audit.checkpoints.Checkpoint;

/**
 * What {@code POST /v1/audit/verify} answers: the verdict ({@link VerificationResult}'s fields), the
 * mode, where verification started ({@code from}) and how much it read and re-hashed, so a caller
 * sees exactly what was checked (docs/audit.md, "Verification").
 */
public record VerificationReport(
        boolean ok,
        long verifiedThroughSeq,
        Long firstBadSeq,
        String reason,
        Long checkpointSeq,
        String mode,
        From from,
        long eventsRead,
        long eventsHashed,
        String detail) {

    /**
     * Where re-hashing started: a signed checkpoint ({@code seq}, {@code signedAt}), or genesis
     * ({@code checkpoint=false}); {@code covers} says what vouches for the events before it.
     */
    public record From(long seq, boolean checkpoint, Instant signedAt, String covers) {

        static From genesis(String why) {
            return new From(0, false, null, why);
        }

        static From checkpoint(Checkpoint checkpoint) {
            return new From(
                    checkpoint.seq(),
                    true,
                    checkpoint.signedAt(),
                    "events 0.." + checkpoint.seq() + " were verified before signed checkpoint " + checkpoint.seq()
                            + " was signed; its hash commits to them; mode=full re-hashes them");
        }
    }

    static VerificationReport of(
            VerificationResult result, VerificationMode mode, From from, ChainVerifier verifier, String detail) {
        return new VerificationReport(
                result.ok(),
                result.verifiedThroughSeq(),
                result.firstBadSeq(),
                result.reason(),
                result.checkpointSeq(),
                mode.wireName(),
                from,
                verifier == null ? 0 : verifier.eventsRead(),
                verifier == null ? 0 : verifier.eventsHashed(),
                detail);
    }
}
