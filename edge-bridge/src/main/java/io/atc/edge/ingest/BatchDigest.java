package io.atc.edge.ingest;

import java.util.Collection;
import java.util.HexFormat;

import io.atc.core.audit.RowIdsDigest;

/** What a batch's audit entry commits to: {@link RowIdsDigest} of the rows the batch newly stored, in hex. */
final class BatchDigest {

    private BatchDigest() {}

    static String of(Collection<RowKey> rows) {
        return HexFormat.of()
                .formatHex(RowIdsDigest.of(rows.stream()
                        .map(row -> new RowIdsDigest.RowId(row.deviceId(), row.id()))
                        .toList()));
    }
}
