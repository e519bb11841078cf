package io.atc.audit.verify;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.atc.audit.checkpoints.Checkpoint;

/**
 * What {@code POST /v1/audit/verify} answers: the verdict ({@link VerificationResult}'s fields), the
 * mode, where verification started ({@code from}) and how much it read and re-hashed, so a caller
 * sees exactly what was checked (docs/audit.md, "Verification").
 */
@Schema(example = VerificationExamples.PASSED)
public record VerificationReport(
        boolean ok,

        @Schema(description = "the last seq whose hash, link and payload commitment held; -1 when none did")
        long verifiedThroughSeq,

        @Schema(description = "the first seq that failed; null when ok", nullable = true)
        Long firstBadSeq,

        @Schema(
                description = "why it failed (gap, fork, broken-link, hash-mismatch, payload-mismatch, ...;"
                        + " docs/audit.md); null when ok",
                nullable = true)
        String reason,

        @Schema(description = "the newest signed checkpoint's seq; null before the first", nullable = true)
        Long checkpointSeq,

        @Schema(enumeration = {"incremental", "full"}) String mode,

        @Schema(description = "where re-hashing started; null when the checkpoint itself is invalid", nullable = true)
        From from,

        long eventsRead,
        long eventsHashed,

        @Schema(
                description = "more about a failure, e.g. which signed checkpoint the chain no longer matches",
                nullable = true)
        String detail) {

    /**
     * Where re-hashing started: a signed checkpoint ({@code seq}, {@code signedAt}), or genesis
     * ({@code checkpoint=false}); {@code covers} says what vouches for the events before it.
     */
    @Schema(name = "VerificationStart", description = "where re-hashing started: a signed checkpoint or genesis")
    public record From(
            long seq,
            boolean checkpoint,

            @Schema(description = "when the checkpoint was signed; null from genesis", nullable = true)
            Instant signedAt,

            String covers) {

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
