package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * ./run gives each service a management port of its own (health, metrics, OpenAPI), named and defaulted
 * as docs/configuration.md says, and waits for readiness where the management interface listens.
 * Breaks when: two services share a default port, or a variable name drifts from the documented scheme.
 */
class EachServiceHasItsOwnManagementPortTests {

    @Test
    void theDefaultsAreDistinctAndFollowTheDocumentedScheme() {
        Set<Integer> ports = new HashSet<>();
        for (PlatformService service : PlatformService.ALL) {
            assertThat(ports.add(service.port(Map.of()))).as(service.name()).isTrue();
            assertThat(ports.add(service.managementPort(Map.of())))
                    .as(service.name())
                    .isTrue();
            assertThat(service.managementPortVariable())
                    .isEqualTo(service.portVariable().replace("_PORT", "_MANAGEMENT_PORT"));
        }
        assertThat(PlatformService.ALL.stream()
                        .map(service -> service.managementPort(Map.of()))
                        .toList())
                .isEqualTo(List.of(9080, 9081, 9082, 9083, 9084, 9085));
    }

    @Test
    void theEnvironmentMovesAManagementPort() {
        PlatformService keys = PlatformService.ALL.get(1);
        assertThat(keys.managementPort(Map.of("ATC_KEYS_MANAGEMENT_PORT", "39081")))
                .isEqualTo(39081);
    }

    @Test
    void readinessIsAwaitedOnLoopbackUnlessTheManagementHostIsASpecificAddress() {
        assertThat(ServiceProcess.reachable(null)).isEqualTo("127.0.0.1");
        assertThat(ServiceProcess.reachable("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(ServiceProcess.reachable("::")).isEqualTo("127.0.0.1");
        assertThat(ServiceProcess.reachable("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(ServiceProcess.reachable("fd00::1")).isEqualTo("[fd00::1]");
    }
}
