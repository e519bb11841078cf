package io.atc.launcher;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One service of the platform as the run command starts it; {@code gatewayUpstream} names it among
 * the gateway's upstreams (null for the gateway itself).
 */
record PlatformService(String name, String portVariable, int defaultPort, String gatewayUpstream) {

    static final List<PlatformService> ALL = List.of(
            new PlatformService("tenant-gateway", "ATC_GATEWAY_PORT", 8080, null),
            new PlatformService("keys-service", "ATC_KEYS_PORT", 8081, "keys"),
            new PlatformService("audit-service", "ATC_AUDIT_PORT", 8082, "audit"),
            new PlatformService("retention-service", "ATC_RETENTION_PORT", 8083, "retention"),
            new PlatformService("edge-bridge", "ATC_EDGE_PORT", 8084, "edge"));

    int port(Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault(portVariable, String.valueOf(defaultPort)));
    }

    /**
     * Where the gateway finds each service in this run ({@code ATC_GATEWAY_UPSTREAMS_<NAME>_URL}); an
     * upstream already set in the environment is left to the environment.
     */
    static Map<String, String> gatewayUpstreams(Map<String, String> env) {
        Map<String, String> upstreams = new HashMap<>();
        for (PlatformService service : ALL) {
            if (service.gatewayUpstream() == null) {
                continue;
            }
            String variable =
                    "ATC_GATEWAY_UPSTREAMS_" + service.gatewayUpstream().toUpperCase(Locale.ROOT) + "_URL";
            if (env.get(variable) == null || env.get(variable).isBlank()) {
                upstreams.put(variable, "http://127.0.0.1:" + service.port(env));
            }
        }
        return upstreams;
    }
}
