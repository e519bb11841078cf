package io.atc.edge.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.atc.core.startup.StartupRefusal;
import io.atc.edge.config.EdgeConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Without the broker admin's password the bridge could neither provision nor revoke a device, and
 * without the ingest password it would leave the ingest identity unusable: refuse to start. Also
 * refused: an ingest client id of a device's form, which that device could claim, taking over the
 * ingest's session (devices connect under their own client id only, docs/edge.md).
 */
@ApplicationScoped
public class BrokerConfigCheck {

    static final int MIN_INGEST_PASSWORD_LENGTH = 16;

    private final EdgeConfig config;

    public BrokerConfigCheck(EdgeConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems(
                config.broker().adminPassword(),
                config.broker().ingestPassword(),
                config.ingest().clientId());
        if (!problems.isEmpty()) {
            StartupRefusal.refuse("ATC-STARTUP-CONFIG " + String.join("; ", problems));
        }
    }

    static List<String> problems(
            Optional<String> adminPassword, Optional<String> ingestPassword, String ingestClientId) {
        List<String> problems = new ArrayList<>();
        if (adminPassword.filter(password -> !password.isBlank()).isEmpty()) {
            problems.add("ATC_EDGE_BROKER_ADMIN_PASSWORD is not set: the edge bridge manages device credentials"
                    + " through the broker's dynamic-security admin");
        }
        if (ingestPassword.filter(password -> !password.isBlank()).isEmpty()) {
            problems.add("ATC_EDGE_BROKER_INGEST_PASSWORD is not set: the ingest identity " + IngestIdentity.USERNAME
                    + " needs a password of at least " + MIN_INGEST_PASSWORD_LENGTH + " characters");
        } else if (ingestPassword.get().length() < MIN_INGEST_PASSWORD_LENGTH) {
            problems.add(
                    "ATC_EDGE_BROKER_INGEST_PASSWORD is shorter than " + MIN_INGEST_PASSWORD_LENGTH + " characters");
        }
        if (DeviceIdentity.deviceIdOf(ingestClientId).isPresent()
                || DeviceIdentity.isCertificateUsername(ingestClientId)) {
            problems.add("ATC_EDGE_INGEST_CLIENT_ID has the form of a device's client id; that device could take over"
                    + " the ingest's session: choose another, e.g. the replica's pod name");
        }
        return problems;
    }
}
