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

    /** Observer priority for work that must run after every start-up check (checks use the default). */
    public static final int AFTER_CHECKS = jakarta.interceptor.Interceptor.Priority.PLATFORM_AFTER + 1000;

    private StartupRefusal() {}

    private static volatile boolean refused;

    /**
     * True once a start-up check refused: components that would open connections at start-up
     * (listeners, loaders) observe StartupEvent after the checks and stay idle, so the exit is clean.
     */
    public static boolean refused() {
        return refused;
    }

    public static void refuse(String reason) {
        refused = true;
        LOG.error(reason);
        Quarkus.asyncExit(EXIT_CODE);
    }
}
