package io.atc.retention.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.atc.core.retention.EffectiveRetention;

/**
 * What retention allows to be deleted on one site at one instant: events received before
 * {@link #eventsCutoff}, images received before {@link #imagesCutoff}, of no device under an active hold,
 * and nothing at all while the site itself is held. The purge deletes exactly this and the preview counts
 * exactly this: both bind {@link ExpiredRows}' predicate with these values.
 */
public record RetentionPlan(
        UUID tenantId,
        UUID siteId,
        Instant at,
        EffectiveRetention events,
        EffectiveRetention images,
        List<UUID> siteHolds,
        List<UUID> heldDevices) {

    public RetentionPlan {
        siteHolds = List.copyOf(siteHolds);
        heldDevices = List.copyOf(heldDevices);
    }

    /** Whether an active hold on the site itself keeps every row of it. */
    public boolean siteHeld() {
        return !siteHolds.isEmpty();
    }

    public Instant eventsCutoff() {
        return at.minusSeconds(events.days() * 86_400L);
    }

    public Instant imagesCutoff() {
        return at.minusSeconds(images.days() * 86_400L);
    }
}
