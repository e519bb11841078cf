package io.atc.retention.plan;

import java.time.ZoneOffset;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one predicate of what retention deletes, for the purge's batches and the preview's counts alike:
 * rows of the tenant and site received before the cutoff, of no held device. Age counts from
 * {@code received_at}, the platform's clock, never the device's {@code occurred_at}: a device cannot keep
 * its rows forever, or have them purged at once, by lying about its clock. Each query built on it binds
 * {@link #parameters} as {@code $1..$4} and is served by the (tenant_id, site_id, received_at) indexes.
 * A held site never reaches it: callers check {@link RetentionPlan#siteHeld()} first.
 */
public final class ExpiredRows {

    /** {@code $1} tenant, {@code $2} site, {@code $3} cutoff, {@code $4} held device ids. */
    public static final String PREDICATE =
            "tenant_id = $1 and site_id = $2 and received_at < $3 and device_id <> all ($4::uuid[])";

    private ExpiredRows() {}

    public static Tuple eventParameters(RetentionPlan plan) {
        return parameters(plan, plan.eventsCutoff());
    }

    public static Tuple imageParameters(RetentionPlan plan) {
        return parameters(plan, plan.imagesCutoff());
    }

    /**
     * As {@link #eventParameters}, with a cutoff recorded earlier: a purge run keeps the cutoffs it
     * started with, a crashed one included, while each batch takes the plan's current holds.
     */
    public static Tuple parameters(RetentionPlan plan, java.time.Instant cutoff) {
        return Tuple.of(
                plan.tenantId(),
                plan.siteId(),
                cutoff.atOffset(ZoneOffset.UTC),
                plan.heldDevices().toArray(UUID[]::new));
    }
}
