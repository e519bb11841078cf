package io.atc.launcher;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One service of the platform as the run command starts it: its API port ({@code ATC_<AREA>_PORT}) and
 * its management port ({@code ATC_<AREA>_MANAGEMENT_PORT}: health, metrics, OpenAPI), with the defaults
 * of docs/configuration.md; {@code gatewayUpstream} names it among the gateway's upstreams (null for
 * the gateway itself).
 */
record PlatformService(String name, String area, int defaultPort, int defaultManagementPort, String gatewayUpstream) {

    static final List<PlatformService> ALL = List.of(
            new PlatformService("tenant-gateway", "GATEWAY", 8080, 9080, null),
            new PlatformService("keys-service", "KEYS", 8081, 9081, "keys"),
            new PlatformService("audit-service", "AUDIT", 8082, 9082, "audit"),
            new PlatformService("retention-service", "RETENTION", 8083, 9083, "retention"),
            new PlatformService("edge-bridge", "EDGE", 8084, 9084, "edge"),
            new PlatformService("console", "CONSOLE", 8085, 9085, "console"));

    private static PlatformService gateway() {
        return ALL.stream()
                .filter(service -> service.gatewayUpstream() == null)
                .findFirst()
                .orElseThrow();
    }

    String portVariable() {
        return "ATC_" + area + "_PORT";
    }

    String managementPortVariable() {
        return "ATC_" + area + "_MANAGEMENT_PORT";
    }

    int port(Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault(portVariable(), String.valueOf(defaultPort)));
    }

    int managementPort(Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault(managementPortVariable(), String.valueOf(defaultManagementPort)));
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

    /**
     * The console acts only through the gateway's public port ({@code ATC_CONSOLE_GATEWAY_URL}), never a
     * service directly; one already set in the environment is left to the environment.
     */
    static Map<String, String> consoleGateway(Map<String, String> env) {
        String variable = "ATC_CONSOLE_GATEWAY_URL";
        if (env.get(variable) != null && !env.get(variable).isBlank()) {
            return Map.of();
        }
        return Map.of(variable, "http://127.0.0.1:" + gateway().port(env));
    }
}
