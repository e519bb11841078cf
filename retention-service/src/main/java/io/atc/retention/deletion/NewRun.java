package io.atc.retention.deletion;

import java.time.Instant;
import java.util.UUID;

/** A run about to start: its id is chosen first, so its lock can be held before its row exists. */
public record NewRun(
        UUID runId,
        RunKind kind,
        UUID siteId,
        UUID deviceId,
        String reason,
        String requestedBy,
        Instant eventsCutoff,
        Instant imagesCutoff,
        Instant startedAt) {}
