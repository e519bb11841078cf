package io.atc.schema;

import java.util.Map;

/** The one mapping from ATC_DB_* settings to a {@link DatabaseTarget}, with the documented defaults. */
public final class DatabaseTargets {

    public static final String DEFAULT_OWNER = "atc_owner";
    public static final String DEFAULT_APP = "atc_app";
    public static final String DEFAULT_RETENTION = "atc_retention";

    private DatabaseTargets() {}

    /** @throws IllegalArgumentException naming the setting to fix */
    public static DatabaseTarget fromEnvironment(Map<String, String> env) {
        String url = env.get("ATC_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("ATC_DB_URL is not set (postgresql://host:port/database)");
        }
        return new DatabaseTarget(
                url,
                env.getOrDefault("ATC_DB_OWNER_USER", DEFAULT_OWNER),
                env.getOrDefault("ATC_DB_OWNER_PASSWORD", ""),
                env.getOrDefault("ATC_DB_APP_USER", DEFAULT_APP),
                env.getOrDefault("ATC_DB_APP_PASSWORD", ""),
                env.getOrDefault("ATC_DB_RETENTION_USER", DEFAULT_RETENTION),
                env.getOrDefault("ATC_DB_RETENTION_PASSWORD", ""),
                DatabaseTls.fromEnvironment(env));
    }
}
