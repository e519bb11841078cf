package io.atc.audit.erasure;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to erase: every event about a subject (an event's target, or its payload's "subject"
 * field), and/or events by seq; and why.
 */
@Schema(name = "AuditErasureRequest", example = ErasureExamples.BY_SUBJECT)
public record ErasureRequest(
        @Size(max = 500, message = "must be at most 500 characters")
        @Schema(description = "erase every event whose target, or payload's `subject`, is this (e.g. `device:<id>`)")
        String subject,

        @Size(max = 10_000, message = "must list at most 10000 events")
        @Schema(description = "erase these events (by seq); name a subject, seqs or both")
        List<Long> eventSeqs,

        @NotBlank(message = "must not be blank") @Size(max = 1000, message = "must be at most 1000 characters")
        String reason) {

    @AssertTrue(message = "name a subject or event seqs")
    @Schema(hidden = true)
    public boolean isTargeted() {
        return (subject != null && !subject.isBlank()) || (eventSeqs != null && !eventSeqs.isEmpty());
    }
}
