package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.atc.deploy.Renderings.Pod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * The Kubernetes "restricted" Pod Security Standard, for every pod of every values file (services,
 * broker, migration Job, verifier CronJob): non-root, no privilege escalation, every capability dropped,
 * the RuntimeDefault seccomp profile, a read-only root filesystem, no host namespaces or host paths, and
 * no service account token (no pod talks to the Kubernetes API).
 */
class EveryPodMeetsTheRestrictedPodSecurityStandardTests {

    private static final Set<String> RESTRICTED_VOLUME_TYPES =
            Set.of("configMap", "secret", "emptyDir", "persistentVolumeClaim", "projected", "downwardAPI");

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void everyPodRunsAsNonRootWithTheRuntimeDefaultSeccompProfileAndNoToken(String valuesFile) {
        assertThat(Renderings.pods(Renderings.of(valuesFile))).isNotEmpty().allSatisfy(pod -> {
            PodSecurityContext context = pod.spec().getSecurityContext();
            assertThat(context).as(pod.name()).isNotNull();
            assertThat(context.getRunAsNonRoot()).as(pod.name()).isTrue();
            assertThat(context.getRunAsUser()).as(pod.name()).isNotNull().isPositive();
            assertThat(context.getSeccompProfile().getType()).as(pod.name()).isEqualTo("RuntimeDefault");
            assertThat(pod.spec().getAutomountServiceAccountToken())
                    .as(pod.name())
                    .isFalse();
            assertThat(pod.spec().getHostNetwork()).as(pod.name()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.spec().getHostPID()).as(pod.name()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.spec().getHostIPC()).as(pod.name()).isNotEqualTo(Boolean.TRUE);
        });
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void everyContainerDropsEveryCapabilityAndHasAReadOnlyRootFilesystem(String valuesFile) {
        for (Pod pod : Renderings.pods(Renderings.of(valuesFile))) {
            assertThat(pod.allContainers()).as(pod.name()).allSatisfy(container -> {
                String name = pod.name() + " container " + container.getName();
                SecurityContext context = container.getSecurityContext();
                assertThat(context).as(name).isNotNull();
                assertThat(context.getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(context.getPrivileged()).as(name).isNotEqualTo(Boolean.TRUE);
                assertThat(context.getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(context.getRunAsNonRoot()).as(name).isTrue();
                assertThat(context.getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).as(name).isNullOrEmpty();
                assertThat(context.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
                assertThat(container.getPorts()).as(name).allSatisfy(port -> assertThat(port.getHostPort())
                        .isNull());
            });
        }
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void podsMountOnlyVolumeTypesTheRestrictedStandardAllows(String valuesFile) {
        for (Pod pod : Renderings.pods(Renderings.of(valuesFile))) {
            for (Volume volume : pod.spec().getVolumes()) {
                assertThat(volumeType(volume))
                        .as(pod.name() + " volume " + volume.getName())
                        .isIn(RESTRICTED_VOLUME_TYPES);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void everyContainerHasRequestsAndLimits(String valuesFile) {
        for (Pod pod : Renderings.pods(Renderings.of(valuesFile))) {
            for (Container container : pod.allContainers()) {
                String name = pod.name() + " container " + container.getName();
                assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
            }
        }
    }

    private static String volumeType(Volume volume) {
        if (volume.getConfigMap() != null) return "configMap";
        if (volume.getSecret() != null) return "secret";
        if (volume.getEmptyDir() != null) return "emptyDir";
        if (volume.getPersistentVolumeClaim() != null) return "persistentVolumeClaim";
        if (volume.getProjected() != null) return "projected";
        if (volume.getDownwardAPI() != null) return "downwardAPI";
        return "other (hostPath or a driver)";
    }
}
