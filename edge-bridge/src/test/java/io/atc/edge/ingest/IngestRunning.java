package io.atc.edge.ingest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The bridge with its ingest subscribed (the test profile leaves it off, so that other tests that
 * act as the ingest identity have its share group to themselves).
 */
public class IngestRunning implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("atc.edge.ingest.enabled", "true");
    }
}
