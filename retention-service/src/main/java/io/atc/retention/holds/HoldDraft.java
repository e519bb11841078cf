package io.atc.retention.holds;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to set a legal hold: on a site or on a device (exactly one), why, and until when. */
public record HoldDraft(
        @Schema(description = "the site to hold; give this or deviceId", nullable = true)
        UUID siteId,

        @Schema(description = "the device to hold; give this or siteId", nullable = true)
        UUID deviceId,

        @Schema(
                description = "why the data must be kept, for the audit trail",
                examples = "Litigation hold, case 2026-CV-0412")
        @NotBlank(message = "must not be blank")
        @Size(max = 500, message = "must be at most 500 characters")
        String reason,

        @Schema(
                description = "when the hold ends by itself, in the future; null holds until it is released",
                nullable = true)
        OffsetDateTime endsAt) {}
