package io.atc.retention.erasure;

import java.util.UUID;

/** A site or a device whose stored rows an erasure deletes; its audit subject is {@code site:<id>} or {@code device:<id>}. */
record ErasureTarget(UUID siteId, UUID deviceId) {

    static ErasureTarget of(ErasureRequest request) {
        return new ErasureTarget(request.siteId(), request.deviceId());
    }

    boolean isSite() {
        return siteId != null;
    }

    UUID id() {
        return isSite() ? siteId : deviceId;
    }

    String subject() {
        return (isSite() ? "site:" : "device:") + id();
    }

    /** The rows it covers in edge.events or edge.images, {@code $1} the tenant, {@code $2} {@link #id()}. */
    String predicate() {
        return isSite() ? "tenant_id = $1 and site_id = $2" : "tenant_id = $1 and device_id = $2";
    }
}
