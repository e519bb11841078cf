package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.atc.deploy.Renderings.Pod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** The six services (the console included): probes on the management port only, spread over zones and nodes, as their kind. */
class EveryServiceIsProbedAndSpreadTests {

    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of(
            "gateway", 9080, "keys", 9081, "audit", 9082, "retention", 9083, "edge-bridge", 9084, "console", 9085);

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void eachServiceHasStartupLivenessAndReadinessProbesOnItsManagementPort(String valuesFile) {
        List<HasMetadata> objects = Renderings.of(valuesFile);
        for (Map.Entry<String, Integer> service : MANAGEMENT_PORTS.entrySet()) {
            Pod pod = servicePod(objects, service.getKey());
            Container container = pod.spec().getContainers().get(0);
            assertThat(container.getPorts()).as(pod.name()).anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo("management");
                assertThat(port.getContainerPort()).isEqualTo(service.getValue());
            });
            assertManagementProbe(pod.name() + " startup", container.getStartupProbe(), "/q/health/started");
            assertManagementProbe(pod.name() + " liveness", container.getLivenessProbe(), "/q/health/live");
            assertManagementProbe(pod.name() + " readiness", container.getReadinessProbe(), "/q/health/ready");
        }
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void eachServiceSpreadsOverZonesAndNodes(String valuesFile) {
        List<HasMetadata> objects = Renderings.of(valuesFile);
        for (String component : MANAGEMENT_PORTS.keySet()) {
            Pod pod = servicePod(objects, component);
            assertThat(pod.spec().getTopologySpreadConstraints())
                    .as(pod.name())
                    .extracting(constraint -> constraint.getTopologyKey())
                    .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(pod.spec().getTopologySpreadConstraints()).allSatisfy(constraint -> assertThat(
                            constraint.getLabelSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/component", component));
        }
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void theEdgeBridgeIsAStatefulSetWhoseIngressClientIdFollowsThePodName(String valuesFile) {
        StatefulSet bridge = Renderings.named(Renderings.of(valuesFile), StatefulSet.class, "atc-edge-bridge");
        Container container =
                bridge.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(container.getEnv())
                .filteredOn(env -> env.getName().equals("POD_NAME"))
                .singleElement()
                .satisfies(env -> assertThat(env.getValueFrom().getFieldRef().getFieldPath())
                        .isEqualTo("metadata.name"));
        assertThat(container.getEnv())
                .filteredOn(env -> env.getName().equals("ATC_EDGE_INGEST_CLIENT_ID"))
                .singleElement()
                .satisfies(env -> assertThat(env.getValue()).isEqualTo("atc-ingest-$(POD_NAME)"));
        assertThat(Renderings.find(Renderings.of(valuesFile), Deployment.class, "atc-edge-bridge"))
                .isEmpty();
    }

    private static Pod servicePod(List<HasMetadata> objects, String component) {
        return Renderings.pods(objects).stream()
                .filter(pod -> component.equals(pod.labels().get("app.kubernetes.io/component")))
                .filter(pod -> pod.owner() instanceof Deployment || pod.owner() instanceof StatefulSet)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no workload for " + component));
    }

    private static void assertManagementProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet()).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what).isEqualTo("management");
    }
}
