package io.atc.core.retention;

/**
 * How long one kind of row (events or images) of a site is kept, and where that value comes from: the
 * site's own setting, else its tenant's default, else the platform default. The one place the
 * inheritance is decided, for the purge, the preview, the API and what appliances are told.
 */
public record EffectiveRetention(int days, Source source) {

    /** Where an effective value was set. */
    public enum Source {
        SITE("site"),
        TENANT("tenant"),
        PLATFORM("platform");

        private final String wireName;

        Source(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public EffectiveRetention {
        if (days < RetentionDays.MIN || days > RetentionDays.MAX) {
            throw new IllegalArgumentException("retention days out of range: " + days);
        }
    }

    /** The site's value if set, else the tenant's, else the platform's; null means "not set here". */
    public static EffectiveRetention resolve(Integer siteDays, Integer tenantDays, int platformDays) {
        if (siteDays != null) {
            return new EffectiveRetention(siteDays, Source.SITE);
        }
        if (tenantDays != null) {
            return new EffectiveRetention(tenantDays, Source.TENANT);
        }
        return new EffectiveRetention(platformDays, Source.PLATFORM);
    }
}
