package io.atc.edge.ingest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * What a batch's audit entry commits to: SHA-256 over the 32-byte (device_id, id) pairs of the rows
 * the batch newly stored, in database order (docs/edge.md, "Audit"). Anyone holding the rows can
 * recompute it.
 */
final class BatchDigest {

    private BatchDigest() {}

    static String of(Collection<RowKey> rows) {
        List<RowKey> ordered = rows.stream().sorted(RowKey.DATABASE_ORDER).toList();
        MessageDigest sha256 = sha256();
        ByteBuffer pair = ByteBuffer.allocate(32);
        for (RowKey row : ordered) {
            pair.clear();
            pair.putLong(row.deviceId().getMostSignificantBits())
                    .putLong(row.deviceId().getLeastSignificantBits())
                    .putLong(row.id().getMostSignificantBits())
                    .putLong(row.id().getLeastSignificantBits());
            sha256.update(pair.array());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
