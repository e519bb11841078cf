package io.atc.testkit.quarkus;

import java.util.HashMap;
import java.util.Map;

import io.atc.testkit.postgres.TestDatabase;

/**
 * As {@link AtcTestResources}, logged in as the retention-service's own role (the only one that may
 * delete ingested events and images), as every deployment runs it.
 */
public class RetentionServiceTestResources extends AtcTestResources {

    @Override
    public Map<String, String> start() {
        TestDatabase database = TestDatabase.shared();
        Map<String, String> config = new HashMap<>(super.start());
        config.put("atc.db.app-user", database.target().retentionUser());
        config.put("atc.db.app-password", database.target().retentionPassword());
        return config;
    }
}
