package io.atc.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.atc.testkit.quarkus.AtcTestResources;

/** The run's database and internal-token key, plus a checkpoint directory of this run's own. */
public class AuditServiceTestResources extends AtcTestResources {

    public static final Path CHECKPOINTS = temporaryDirectory();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("atc.audit.checkpoint.dir", CHECKPOINTS.toString());
        config.put("atc.audit.checkpoint.interval", "1h");
        return config;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("atc-checkpoints");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
