package io.atc.keys.apikeys;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How long the old key keeps working after rotation (0: stops at once), capped at its own expiry. */
@Schema(example = ApiKeyExamples.ROTATION)
public record RotationRequest(
        @Min(value = 0, message = "must be at least 0") @Max(value = 2_592_000, message = "must be at most 30 days")
        Long gracePeriodSeconds) {

    public long graceSeconds() {
        return gracePeriodSeconds == null ? 0 : gracePeriodSeconds;
    }
}
