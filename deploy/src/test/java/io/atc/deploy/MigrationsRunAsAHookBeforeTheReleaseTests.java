package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The migration Job runs before install and upgrade, as the owner, after what it needs; the services
 * never see the owner's credentials. (Hook annotations appear as atc.io/helm-hook*: HelmChart.)
 */
class MigrationsRunAsAHookBeforeTheReleaseTests {

    @Test
    void theMigrationJobIsAPreInstallAndPreUpgradeHook() {
        Job job = Renderings.named(Renderings.of("default"), Job.class, "atc-migrator");
        Map<String, String> annotations = job.getMetadata().getAnnotations();

        assertThat(annotations.get(HelmChart.HOOK_ANNOTATION)).isEqualTo("pre-install,pre-upgrade");
        assertThat(annotations.get(HelmChart.HOOK_DELETE_POLICY_ANNOTATION)).contains("before-hook-creation");
        assertThat(job.getSpec().getBackoffLimit()).isLessThanOrEqualTo(2);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isNotNull();
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void whatTheJobNeedsIsCreatedByEarlierHooks() {
        List<HasMetadata> objects = Renderings.CHART
                .render(List.of(Renderings.testValues("create-secrets-with-markers")))
                .transform(RenderedObjects::parse);
        Job job = Renderings.named(objects, Job.class, "atc-migrator");
        ServiceAccount account = Renderings.named(
                objects,
                ServiceAccount.class,
                job.getSpec().getTemplate().getSpec().getServiceAccountName());
        Secret database = Renderings.named(objects, Secret.class, "atc-database");

        int jobWeight = weight(job);
        for (HasMetadata prerequisite : List.of(account, database)) {
            assertThat(prerequisite.getMetadata().getAnnotations())
                    .as(prerequisite.getKind())
                    .containsEntry(HelmChart.HOOK_ANNOTATION, "pre-install,pre-upgrade");
            assertThat(weight(prerequisite)).as(prerequisite.getKind()).isLessThan(jobWeight);
        }
    }

    @Test
    void onlyTheMigrationJobReadsTheOwnersPassword() {
        for (String valuesFile : Renderings.VALUES_FILES) {
            for (Renderings.Pod pod : Renderings.pods(Renderings.of(valuesFile))) {
                boolean migrator = pod.owner() instanceof Job
                        && pod.owner().getMetadata().getName().equals("atc-migrator");
                for (Container container : pod.allContainers()) {
                    for (EnvVar env : container.getEnv()) {
                        boolean owner = env.getName().startsWith("ATC_DB_OWNER")
                                || (env.getValueFrom() != null
                                        && env.getValueFrom().getSecretKeyRef() != null
                                        && env.getValueFrom()
                                                .getSecretKeyRef()
                                                .getKey()
                                                .equals("owner-password"));
                        assertThat(owner && !migrator)
                                .as(pod.name() + " " + env.getName())
                                .isFalse();
                    }
                }
            }
        }
        Job job = Renderings.named(Renderings.of("default"), Job.class, "atc-migrator");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName)
                .contains(
                        "ATC_DB_OWNER_USER",
                        "ATC_DB_OWNER_PASSWORD",
                        "ATC_DB_APP_PASSWORD",
                        "ATC_DB_RETENTION_PASSWORD");
    }

    @Test
    void theRetentionServiceLogsInAsTheRetentionRoleAndTheOthersAsTheAppRole() {
        List<HasMetadata> objects = Renderings.of("default");
        for (Renderings.Pod pod : Renderings.pods(objects)) {
            String component = Renderings.component(pod.owner());
            if (component.equals("migrator") || component.equals("broker")) {
                continue;
            }
            if (component.equals("console")) {
                assertThat(pod.spec().getContainers().get(0).getEnv())
                        .as("the console has no database login")
                        .noneMatch(env -> env.getName().startsWith("ATC_DB_"));
                continue;
            }
            Container container = pod.spec().getContainers().get(0);
            String user = env(container, "ATC_DB_APP_USER").getValue();
            String passwordKey = env(container, "ATC_DB_APP_PASSWORD")
                    .getValueFrom()
                    .getSecretKeyRef()
                    .getKey();
            if (component.equals("retention")) {
                assertThat(user).isEqualTo("atc_retention");
                assertThat(passwordKey).isEqualTo("retention-password");
            } else {
                assertThat(user).as(pod.name()).isEqualTo("atc_app");
                assertThat(passwordKey).as(pod.name()).isEqualTo("app-password");
            }
        }
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream()
                .filter(env -> env.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static int weight(HasMetadata object) {
        return Integer.parseInt(
                object.getMetadata().getAnnotations().getOrDefault(HelmChart.HOOK_WEIGHT_ANNOTATION, "0"));
    }
}
