package io.atc.retention.preview;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a purge of a site would delete if it ran at {@code at}. */
public record RetentionPreview(
        UUID siteId,

        @Schema(description = "when it was counted; each kind's cutoff is this minus its days")
        OffsetDateTime at,

        @Schema(description = "an active hold on the site itself: the purge deletes nothing of it")
        boolean siteHeld,

        @Schema(description = "the active holds on the site itself")
        List<UUID> siteHolds,

        @Schema(description = "devices under an active hold: none of their rows are counted")
        List<UUID> heldDevices,

        ExpiringRows events,
        ExpiringRows images) {}
