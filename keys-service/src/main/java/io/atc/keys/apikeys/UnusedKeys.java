package io.atc.keys.apikeys;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.atc.keys.config.KeysConfig;

/**
 * Which keys are flagged {@code unused}: active keys neither used nor created within the last
 * {@code atc.keys.unused-after-days} days. A revoked or expired key is never flagged: it no longer
 * works, so there is nothing left to revoke. The list filter ({@code ?unused=}) decides it in SQL
 * from the same instant and cutoff, so a key is listed under the flag it shows.
 */
@ApplicationScoped
public class UnusedKeys {

    private final Duration after;
    private final Clock clock;

    @Inject
    public UnusedKeys(KeysConfig config) {
        this(Duration.ofDays(config.unusedAfterDays()), Clock.systemUTC());
    }

    UnusedKeys(Duration after, Clock clock) {
        this.after = after;
        this.clock = clock;
    }

    ApiKeyView flag(ApiKeyView key) {
        return key.flaggedUnused(unused(key, cutoff(OffsetDateTime.now(clock))));
    }

    /** As {@link #flag(ApiKeyView)}, at the instant of {@code listing}: a page is flagged as it was filtered. */
    ApiKeyView flag(ApiKeyView key, Filter listing) {
        return key.flaggedUnused(unused(key, listing.cutoff()));
    }

    /** The keys listed under {@code ?unused=<unused>} now. */
    Filter filter(boolean unused) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return new Filter(unused, now, cutoff(now));
    }

    private OffsetDateTime cutoff(OffsetDateTime now) {
        return now.minus(after);
    }

    private static boolean unused(ApiKeyView key, OffsetDateTime cutoff) {
        OffsetDateTime lastSign = key.lastUsedAt() != null ? key.lastUsedAt() : key.createdAt();
        return KeyStatus.ACTIVE.label().equals(key.status()) && lastSign.isBefore(cutoff);
    }

    /** @param at the instant expiry is judged at; @param cutoff keys without use or creation since are unused */
    record Filter(boolean unused, OffsetDateTime at, OffsetDateTime cutoff) {}
}
