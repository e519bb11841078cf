package io.atc.core.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * How an audit entry commits to a set of stored or deleted rows without listing them: SHA-256 over the
 * 32-byte (device_id, id) pairs of the rows in database order (docs/edge.md, "Audit"). Anyone holding
 * the rows can recompute it. The ingest commits to each batch with {@link #of}; the purge and erasure
 * chain one digest through the transactions of a run with {@link #chain}.
 */
public final class RowIdsDigest {

    /** An ingested row's identity within its tenant: the device and the device-chosen event or image id. */
    public record RowId(UUID deviceId, UUID id) {}

    /** The order Postgres gives {@code order by device_id, id}: uuid bytes, unsigned. */
    public static final Comparator<RowId> DATABASE_ORDER = (a, b) -> {
        int device = compareAsBytes(a.deviceId(), b.deviceId());
        return device != 0 ? device : compareAsBytes(a.id(), b.id());
    };

    public static final int BYTES = 32;

    private RowIdsDigest() {}

    /** SHA-256 over the rows' pairs in database order. */
    public static byte[] of(Collection<RowId> rows) {
        return digest(new byte[0], rows);
    }

    /** SHA-256 over {@code previous} followed by the rows' pairs in database order. */
    public static byte[] chain(byte[] previous, Collection<RowId> rows) {
        if (previous.length != BYTES) {
            throw new IllegalArgumentException("a previous digest is " + BYTES + " bytes");
        }
        return digest(previous, rows);
    }

    private static byte[] digest(byte[] previous, Collection<RowId> rows) {
        List<RowId> ordered = rows.stream().sorted(DATABASE_ORDER).toList();
        MessageDigest sha256 = AuditPayloads.sha256();
        sha256.update(previous);
        ByteBuffer pair = ByteBuffer.allocate(BYTES);
        for (RowId row : ordered) {
            pair.clear();
            pair.putLong(row.deviceId().getMostSignificantBits())
                    .putLong(row.deviceId().getLeastSignificantBits())
                    .putLong(row.id().getMostSignificantBits())
                    .putLong(row.id().getLeastSignificantBits());
            sha256.update(pair.array());
        }
        return sha256.digest();
    }

    /** Orders as Postgres orders uuid values: by their bytes, unsigned. */
    public static int compareAsBytes(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
