package io.atc.core.startup;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;

/**
 * Stops a service that must not run, with the one log line an operator needs and a non-zero
 * exit code, instead of a framework stack trace.
 */
public final class StartupRefusal {

    private static final Logger LOG = Logger.getLogger(StartupRefusal.class);

    public static final int EXIT_CODE = 78;

    private StartupRefusal() {
    }

    public static void refuse(String reason) {
        LOG.error(reason);
        Quarkus.asyncExit(EXIT_CODE);
    }
}
