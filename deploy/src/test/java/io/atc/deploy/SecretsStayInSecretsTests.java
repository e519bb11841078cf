package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.atc.deploy.Renderings.Pod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * No secret value outside a Secret: not in a ConfigMap, an env literal, an annotation or any other
 * object; and each pod gets only the secret keys its service needs.
 */
class SecretsStayInSecretsTests {

    private static final Pattern SECRET_ENV_NAME =
            Pattern.compile(".*(PASSWORD|PEPPER|TOKEN|PRIVATE_KEY|SIGNING_KEY|_KEK|SECRET).*");

    /** Which workloads may read which secret keys: least privilege per service. */
    private static final Map<String, Set<String>> SECRET_KEYS_BY_COMPONENT = Map.of(
            "gateway", Set.of("internal-token/public-key", "internal-token/private-key", "database/app-password"),
            "keys",
                    Set.of(
                            "internal-token/public-key",
                            "keys/pepper",
                            "keys/operator-token",
                            "keys/console-session-signing-key",
                            "database/app-password"),
            "audit", Set.of("internal-token/public-key", "audit-checkpoint/signing-key", "database/app-password"),
            "retention", Set.of("internal-token/public-key", "database/retention-password"),
            "edge-bridge",
                    Set.of(
                            "internal-token/public-key",
                            "broker/admin-password",
                            "broker/ingest-password",
                            "device-pki/kek",
                            "device-pki/root-ca.key",
                            "device-pki/root-ca.crt",
                            "database/app-password"),
            "broker", Set.of("broker/admin-password", "device-pki/root-ca.crt", "broker-tls/*"),
            "migrator", Set.of("database/owner-password", "database/app-password", "database/retention-password"),
            "audit-verify", Set.of("audit-checkpoint/public-key", "database/app-password"),
            "console", Set.of());

    @Test
    void secretValuesAppearInSecretsAndNowhereElse() throws Exception {
        String rendered = Renderings.CHART.render(List.of(Renderings.testValues("create-secrets-with-markers")));
        List<HasMetadata> objects = RenderedObjects.parse(rendered);
        List<String> markers = markers();

        List<Secret> secrets = Renderings.ofKind(objects, Secret.class);
        String secretData = String.join(
                "\n",
                secrets.stream()
                        .flatMap(secret -> secret.getData().values().stream())
                        .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8))
                        .toList());
        assertThat(markers).isNotEmpty().allSatisfy(marker -> assertThat(secretData)
                .contains(marker));

        for (HasMetadata object : objects) {
            if (object instanceof Secret) {
                continue;
            }
            String yaml = RenderedObjects.toYaml(object);
            for (String marker : markers) {
                String what = object.getKind() + "/" + object.getMetadata().getName();
                assertThat(yaml).as(what).doesNotContain(marker);
                assertThat(yaml).as(what).doesNotContain(base64(marker));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void everySecretBearingVariableIsReadFromASecretNeverALiteral(String valuesFile) {
        for (Pod pod : Renderings.pods(Renderings.of(valuesFile))) {
            for (Container container : pod.allContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (SECRET_ENV_NAME.matcher(env.getName()).matches()) {
                        String what = pod.name() + " " + container.getName() + " " + env.getName();
                        assertThat(env.getValue()).as(what).isNull();
                        assertThat(env.getValueFrom().getSecretKeyRef())
                                .as(what)
                                .isNotNull();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void eachPodReadsOnlyTheSecretKeysItsServiceNeeds(String valuesFile) {
        List<HasMetadata> objects = Renderings.of(valuesFile);
        for (Pod pod : Renderings.pods(objects)) {
            String component = pod.labels().get("app.kubernetes.io/component");
            Set<String> allowed = SECRET_KEYS_BY_COMPONENT.get(component);
            assertThat(allowed).as("least-privilege list for " + component).isNotNull();
            for (String used : secretKeysUsed(pod, valuesFile)) {
                String group = used.substring(0, used.indexOf('/'));
                boolean databaseCa = group.equals("database") && !used.endsWith("-password");
                assertThat(allowed.contains(used) || allowed.contains(group + "/*") || databaseCa)
                        .as(pod.name() + " reads " + used)
                        .isTrue();
            }
        }
    }

    private static List<String> secretKeysUsed(Pod pod, String valuesFile) {
        List<String> used = new ArrayList<>();
        for (Container container : pod.allContainers()) {
            for (EnvVar env : container.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    used.add(group(env.getValueFrom().getSecretKeyRef().getName(), valuesFile) + "/"
                            + env.getValueFrom().getSecretKeyRef().getKey());
                }
            }
            assertThat(container.getEnvFrom())
                    .as(pod.name() + " " + container.getName() + ": whole Secrets are never exposed as env")
                    .allSatisfy(source -> assertThat(source.getSecretRef()).isNull());
        }
        pod.spec().getVolumes().stream()
                .filter(volume -> volume.getSecret() != null)
                .forEach(volume -> {
                    String group = group(volume.getSecret().getSecretName(), valuesFile);
                    if (volume.getSecret().getItems() == null) {
                        used.add(group + "/*");
                    } else {
                        volume.getSecret().getItems().forEach(item -> used.add(group + "/" + item.getKey()));
                    }
                });
        return used;
    }

    /** The group of a Secret, from its default name atc-<group> or the production file's prod-atc-<group>. */
    private static String group(String secretName, String valuesFile) {
        String group = secretName.replaceFirst("^(prod-)?atc-", "");
        if (group.equals("database") || group.equals("keys") || group.equals("broker")) {
            return group;
        }
        assertThat(group)
                .as("secret " + secretName + " in " + valuesFile)
                .isIn("internal-token", "audit-checkpoint", "device-pki", "broker-tls");
        return group;
    }

    private static List<String> markers() throws Exception {
        String values = Files.readString(Renderings.testValues("create-secrets-with-markers"));
        Matcher matcher = Pattern.compile("MARKER-[a-z0-9-]+").matcher(values);
        List<String> markers = new ArrayList<>();
        while (matcher.find()) {
            markers.add(matcher.group());
        }
        return markers;
    }

    private static String base64(String marker) {
        return Base64.getEncoder().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
    }
}
