package io.atc.retention.purge;

import java.util.List;

import io.atc.retention.deletion.RunSummary;

/** What one purge round did: the runs it finished (recovered ones included), the sites another replica held, the blobs it deleted. */
public record PurgeRound(List<RunSummary> runs, int sitesSkipped, int blobsDeleted) {

    public long rowsDeleted() {
        return runs.stream().mapToLong(RunSummary::rowsDeleted).sum();
    }
}
