package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

class ScalingAndDisruptionTests {

    @Test
    void inTheHaValuesTheGatewayAndTheEdgeBridgeScaleOnCpuAndNothingElseFixesTheirReplicas() {
        List<HasMetadata> objects = Renderings.of("ha");
        HorizontalPodAutoscaler gateway = Renderings.named(objects, HorizontalPodAutoscaler.class, "atc-gateway");
        HorizontalPodAutoscaler bridge = Renderings.named(objects, HorizontalPodAutoscaler.class, "atc-edge-bridge");

        assertThat(gateway.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(bridge.getSpec().getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
        assertThat(gateway.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(bridge.getSpec().getMaxReplicas()).isEqualTo(8);
        assertThat(Renderings.ofKind(objects, HorizontalPodAutoscaler.class)).hasSize(2);
        // With an autoscaler the workload leaves replicas to it (or every helm upgrade would reset them).
        assertThat(Renderings.named(objects, Deployment.class, "atc-gateway")
                        .getSpec()
                        .getReplicas())
                .isNull();
        assertThat(Renderings.named(objects, StatefulSet.class, "atc-edge-bridge")
                        .getSpec()
                        .getReplicas())
                .isNull();
    }

    @Test
    void byDefaultNoAutoscalerAndFixedReplicas() {
        List<HasMetadata> objects = Renderings.of("default");
        assertThat(Renderings.ofKind(objects, HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(Renderings.named(objects, Deployment.class, "atc-gateway")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(2);
    }

    @Test
    void everyComponentWithSeveralReplicasHasADisruptionBudgetThatLetsADrainProceed() {
        for (String valuesFile : Renderings.VALUES_FILES) {
            List<HasMetadata> objects = Renderings.of(valuesFile);
            List<PodDisruptionBudget> budgets = Renderings.ofKind(objects, PodDisruptionBudget.class);
            for (HasMetadata workload : workloads(objects)) {
                Integer replicas = workload instanceof Deployment d
                        ? d.getSpec().getReplicas()
                        : ((StatefulSet) workload).getSpec().getReplicas();
                boolean several = replicas == null || replicas > 1;
                String component = Renderings.component(workload);
                if (several && !component.equals("broker")) {
                    assertThat(budgets).as(valuesFile + " " + component).anySatisfy(budget -> {
                        assertThat(budget.getSpec().getSelector().getMatchLabels())
                                .containsEntry("app.kubernetes.io/component", component);
                        assertThat(budget.getSpec().getMaxUnavailable().getIntVal())
                                .isPositive();
                    });
                }
            }
            assertThat(budgets).allSatisfy(budget -> assertThat(budget.getSpec().getMinAvailable())
                    .as("minAvailable can block every drain of a single replica")
                    .isNull());
        }
    }

    @Test
    void theBrokerRunsOnceWithItsOwnVolume() {
        StatefulSet broker = Renderings.named(Renderings.of("ha"), StatefulSet.class, "atc-broker");
        assertThat(broker.getSpec().getReplicas()).isEqualTo(1);
        assertThat(broker.getSpec().getVolumeClaimTemplates())
                .singleElement()
                .satisfies(claim -> assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce"));
    }

    private static List<HasMetadata> workloads(List<HasMetadata> objects) {
        return objects.stream()
                .filter(object -> object instanceof Deployment || object instanceof StatefulSet)
                .toList();
    }
}
