package io.atc.edge.ingest;

import java.util.Comparator;
import java.util.UUID;

import io.atc.core.audit.RowIdsDigest;

/** A stored row's identity within its tenant: the device and the device-chosen event or image id. */
record RowKey(UUID deviceId, UUID id) {

    /** The order Postgres gives {@code order by device_id, id}: uuid bytes, unsigned. */
    static final Comparator<RowKey> DATABASE_ORDER = (a, b) -> {
        int device = RowIdsDigest.compareAsBytes(a.deviceId, b.deviceId);
        return device != 0 ? device : RowIdsDigest.compareAsBytes(a.id, b.id);
    };
}
