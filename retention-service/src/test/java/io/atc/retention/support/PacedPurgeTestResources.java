package io.atc.retention.support;

import java.util.HashMap;
import java.util.Map;

/** As {@link PurgeTestResources}, with a purge budget of {@link #ROWS_PER_SECOND} rows per second. */
public class PacedPurgeTestResources extends PurgeTestResources {

    /** Batches of {@value PurgeTestResources#BATCH_SIZE} rows, so each is followed by a 300 ms pause. */
    public static final int ROWS_PER_SECOND = 10;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("atc.retention.purge.max-rows-per-second", String.valueOf(ROWS_PER_SECOND));
        return config;
    }
}
