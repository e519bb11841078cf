package io.atc.retention.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import io.atc.core.audit.RowIdsDigest;

/**
 * A run's ids_digest recomputed from the rows it should have deleted, the way docs/retention.md tells a
 * reader to: oldest received first, events then images, in transactions of {@code batchSize} rows, each
 * transaction's (device_id, id) pairs in database order chained onto the previous digest.
 */
public final class ExpectedDigest {

    private ExpectedDigest() {}

    public static String of(List<StoredHistory.Stored> deleted, int batchSize) {
        byte[] digest = new byte[RowIdsDigest.BYTES];
        for (boolean images : new boolean[] {false, true}) {
            List<StoredHistory.Stored> rows = deleted.stream()
                    .filter(row -> row.image() == images)
                    .sorted(Comparator.comparing(StoredHistory.Stored::receivedAt))
                    .toList();
            for (int start = 0; start < rows.size(); start += batchSize) {
                List<RowIdsDigest.RowId> batch = new ArrayList<>();
                for (StoredHistory.Stored row : rows.subList(start, Math.min(rows.size(), start + batchSize))) {
                    batch.add(new RowIdsDigest.RowId(row.deviceId(), row.id()));
                }
                digest = RowIdsDigest.chain(digest, batch);
            }
        }
        return HexFormat.of().formatHex(digest);
    }
}
