package io.atc.gateway.pipeline;

import java.net.InetAddress;

import jakarta.inject.Singleton;

import io.atc.gateway.identity.AuthenticatedKey;
import io.atc.gateway.usage.KeyUseReporter;

/** Admitted keys' uses, queued for {@link KeyUseReporter}'s next report to the keys-service. */
@Singleton
public class ReportedKeyUses implements KeyUseRecorder {

    private final KeyUseReporter reporter;

    public ReportedKeyUses(KeyUseReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void admitted(AuthenticatedKey key, InetAddress client) {
        reporter.record(key, client);
    }
}
