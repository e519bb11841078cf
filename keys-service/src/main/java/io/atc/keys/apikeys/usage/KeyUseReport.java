package io.atc.keys.apikeys.usage;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A gateway's batch of key uses since its last report. */
public record KeyUseReport(
        @NotNull(message = "is required")
        @Size(min = 1, max = KeyUseReport.MAX_USES, message = "must hold 1-" + KeyUseReport.MAX_USES + " uses")
        List<@Valid @NotNull(message = "is required") KeyUse> uses) {

    /** The gateway sends at most this many per request (its batches are this size). */
    public static final int MAX_USES = 1000;
}
