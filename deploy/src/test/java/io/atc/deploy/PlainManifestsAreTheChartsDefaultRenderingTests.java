package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * deploy/k8s is the chart's default rendering: the committed files equal a fresh one, and
 * `kubectl kustomize` of the base renders exactly those objects (of the example overlay, a valid variation).
 */
class PlainManifestsAreTheChartsDefaultRenderingTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path K8S = Renderings.DEPLOY_DIR.resolve("k8s");

    @Test
    void theCommittedManifestsEqualAFreshRenderingOfTheChart() throws IOException {
        PlainManifests fresh = PlainManifests.of(Renderings.CHART);

        assertThat(Files.readString(K8S.resolve("base/atc.yaml")))
                .as("deploy/k8s/base/atc.yaml is stale: rewrite it (PlainManifests)")
                .isEqualTo(PlainManifests.yaml(fresh.platform()));
        assertThat(Files.readString(K8S.resolve("migrations/atc-migrations.yaml")))
                .as("deploy/k8s/migrations/atc-migrations.yaml is stale: rewrite it (PlainManifests)")
                .isEqualTo(PlainManifests.yaml(fresh.migrations()));
    }

    @Test
    void kustomizeRendersTheBaseAsTheChartRendersItsDefaults() throws Exception {
        PlainManifests fresh = PlainManifests.of(Renderings.CHART);

        assertSameObjects(kustomize("base"), fresh.platform());
        assertSameObjects(kustomize("migrations"), fresh.migrations());
    }

    @Test
    void theExampleOverlayRendersItsNamespaceImagesAndSettings() throws Exception {
        List<HasMetadata> overlay = kustomize("overlays/example");

        assertThat(overlay).hasSameSizeAs(PlainManifests.of(Renderings.CHART).platform());
        assertThat(overlay).allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
                .isEqualTo("atc-prod"));
        Deployment gateway = Renderings.named(overlay, Deployment.class, "atc-gateway");
        assertThat(gateway.getSpec().getReplicas()).isEqualTo(3);
        assertThat(gateway.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .startsWith("registry.example.com/atc/tenant-gateway@sha256:");
        assertThat(Renderings.pods(overlay)).allSatisfy(pod -> assertThat(
                        pod.spec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem())
                .isTrue());
    }

    private static List<HasMetadata> kustomize(String dir) throws Exception {
        LocalTools.require("kubectl");
        Process process = new ProcessBuilder(
                        LocalTools.find("kubectl").orElseThrow().toString(),
                        "kustomize",
                        K8S.resolve(dir).toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return RenderedObjects.parse(output);
    }

    /** Field by field, whatever the order of keys and of the objects. */
    private static void assertSameObjects(List<HasMetadata> actual, List<HasMetadata> expected) throws Exception {
        Map<String, JsonNode> actualByName = byKindAndName(actual);
        Map<String, JsonNode> expectedByName = byKindAndName(expected);
        assertThat(actualByName.keySet()).isEqualTo(expectedByName.keySet());
        for (Map.Entry<String, JsonNode> object : expectedByName.entrySet()) {
            assertThat(actualByName.get(object.getKey())).as(object.getKey()).isEqualTo(object.getValue());
        }
    }

    private static Map<String, JsonNode> byKindAndName(List<HasMetadata> objects) throws Exception {
        Map<String, JsonNode> byKey = new TreeMap<>();
        for (HasMetadata object : objects) {
            byKey.put(
                    object.getKind() + "/" + object.getMetadata().getName(),
                    JSON.readTree(RenderedObjects.toJson(object)));
        }
        return byKey;
    }
}
