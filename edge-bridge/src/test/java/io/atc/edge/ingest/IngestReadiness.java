package io.atc.edge.ingest;

import java.time.Duration;

import io.atc.edge.broker.DynamicSecurityClient;
import io.atc.edge.support.Eventually;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;

/**
 * Waits until the ingest is connected and subscribed (messages published before that have no session to
 * wait in) and the dynamic-security admin is connected (a device registered before that is a 503: seen in
 * CI on a loaded machine, right after the application restarted for this test's profile).
 */
final class IngestReadiness {

    private IngestReadiness() {}

    static void await(MeterRegistry meters) {
        Eventually.await(
                "ingest connected and subscribed",
                Duration.ofSeconds(20),
                () -> meters.get(IngestMetrics.CONNECTED).gauge().value(),
                connected -> connected == 1.0);
        DynamicSecurityClient admin =
                Arc.container().instance(DynamicSecurityClient.class).get();
        Eventually.within(Duration.ofSeconds(20), "dynamic-security admin connected", admin::isConnected);
    }

    static double dropped(MeterRegistry meters, DropReason reason) {
        return meters.get(IngestMetrics.DROPPED)
                .tag("reason", reason.tag())
                .counter()
                .count();
    }
}
