package io.atc.launcher;

import java.util.List;

/** One service of the platform as the run command starts it. */
record PlatformService(String name, String portVariable, int defaultPort) {

    static final List<PlatformService> ALL = List.of(
            new PlatformService("tenant-gateway", "ATC_GATEWAY_PORT", 8080),
            new PlatformService("keys-service", "ATC_KEYS_PORT", 8081),
            new PlatformService("audit-service", "ATC_AUDIT_PORT", 8082),
            new PlatformService("retention-service", "ATC_RETENTION_PORT", 8083),
            new PlatformService("edge-bridge", "ATC_EDGE_PORT", 8084));
}
