package io.atc.core.retention;

/** The bounds of a retention period in days, the same in the API, the configuration and the schema (V16). */
public final class RetentionDays {

    public static final int MIN = 1;
    public static final int MAX = 3650;

    private RetentionDays() {}
}
