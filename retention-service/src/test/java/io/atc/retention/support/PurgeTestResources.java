package io.atc.retention.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.atc.testkit.quarkus.RetentionServiceTestResources;

/** As {@link RetentionServiceTestResources}, with a blob directory of the test run's own (atc.edge.blobs.dir)
 * and a purge batch of {@link #BATCH_SIZE} rows. */
public class PurgeTestResources extends RetentionServiceTestResources {

    /** Small, so a handful of rows takes several deleting transactions. */
    public static final int BATCH_SIZE = 3;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            config.put(
                    "atc.edge.blobs.dir",
                    Files.createTempDirectory("atc-retention-blobs-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("atc.retention.purge.batch-size", String.valueOf(BATCH_SIZE));
        return config;
    }
}
