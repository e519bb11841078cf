package io.atc.retention.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.atc.core.retention.EffectiveRetention;

/** How long one kind of row is kept, where that comes from, and the value set at this level if any. */
public record KindRetention(
        @Schema(description = "the effective number of days")
        int days,

        @Schema(
                description = "where the effective value is set",
                enumeration = {"site", "tenant", "platform"})
        String source,

        @Schema(description = "the value set at this level; null when inherited", nullable = true)
        Integer own) {

    static KindRetention of(EffectiveRetention effective, Integer own) {
        return new KindRetention(effective.days(), effective.source().wireName(), own);
    }
}
