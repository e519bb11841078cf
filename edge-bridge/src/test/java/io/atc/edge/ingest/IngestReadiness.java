package io.atc.edge.ingest;

import java.time.Duration;

import io.atc.edge.support.Eventually;
import io.micrometer.core.instrument.MeterRegistry;

/** Waits until the ingest is connected and subscribed: messages published before that have no session to wait in. */
final class IngestReadiness {

    private IngestReadiness() {}

    static void await(MeterRegistry meters) {
        Eventually.await(
                "ingest connected and subscribed",
                Duration.ofSeconds(20),
                () -> meters.get(IngestMetrics.CONNECTED).gauge().value(),
                connected -> connected == 1.0);
    }

    static double dropped(MeterRegistry meters, DropReason reason) {
        return meters.get(IngestMetrics.DROPPED)
                .tag("reason", reason.tag())
                .counter()
                .count();
    }
}
