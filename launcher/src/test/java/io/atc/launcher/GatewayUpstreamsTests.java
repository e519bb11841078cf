package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** ./run points the gateway at the ports it gives the services. Breaks when: a service moves port and the gateway still routes to the default. */
class GatewayUpstreamsTests {

    @Test
    void eachServiceIsTheGatewaysUpstreamAtItsPort() {
        assertThat(PlatformService.gatewayUpstreams(Map.of("ATC_KEYS_PORT", "9181", "ATC_EDGE_PORT", "9184")))
                .containsOnly(
                        Map.entry("ATC_GATEWAY_UPSTREAMS_KEYS_URL", "http://127.0.0.1:9181"),
                        Map.entry("ATC_GATEWAY_UPSTREAMS_AUDIT_URL", "http://127.0.0.1:8082"),
                        Map.entry("ATC_GATEWAY_UPSTREAMS_RETENTION_URL", "http://127.0.0.1:8083"),
                        Map.entry("ATC_GATEWAY_UPSTREAMS_EDGE_URL", "http://127.0.0.1:9184"),
                        Map.entry("ATC_GATEWAY_UPSTREAMS_CONSOLE_URL", "http://127.0.0.1:8085"));
    }

    /** Breaks when: the console is pointed at a service, or at the gateway's default port while ./run moved it. */
    @Test
    void theConsoleActsThroughTheGatewaysPort() {
        assertThat(PlatformService.consoleGateway(Map.of("ATC_GATEWAY_PORT", "9180")))
                .containsOnly(Map.entry("ATC_CONSOLE_GATEWAY_URL", "http://127.0.0.1:9180"));
    }

    @Test
    void anUpstreamSetInTheEnvironmentIsLeftAlone() {
        assertThat(PlatformService.gatewayUpstreams(
                        Map.of("ATC_GATEWAY_UPSTREAMS_AUDIT_URL", "http://audit.internal:80")))
                .doesNotContainKey("ATC_GATEWAY_UPSTREAMS_AUDIT_URL")
                .containsKey("ATC_GATEWAY_UPSTREAMS_KEYS_URL");
    }
}
