package io.atc.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The plain manifests of deploy/k8s for teams without Helm, rendered from the chart's default values:
 * {@code k8s/base} (the platform) and {@code k8s/migrations} (the migration Job, applied first: there is
 * no hook ordering without Helm). Helm's own bookkeeping (the helm.sh/chart label, managed-by Helm, the
 * hook annotations) is left out. `mvn -B -pl deploy -am package -DskipTests -Datc.deploy.write=true`
 * rewrites them; {@code PlainManifestsAreTheChartsDefaultRenderingTests} fails when they differ.
 */
public final class PlainManifests {

    static final String HEADER =
            "# Generated from deploy/helm/atc with its default values by io.atc.deploy.PlainManifests:\n"
                    + "# do not edit; rewrite with `mvn -B -pl deploy -am package -DskipTests -Datc.deploy.write=true`.\n";

    private final List<HasMetadata> platform;
    private final List<HasMetadata> migrations;

    private PlainManifests(List<HasMetadata> platform, List<HasMetadata> migrations) {
        this.platform = platform;
        this.migrations = migrations;
    }

    public static PlainManifests of(HelmChart chart) {
        List<HasMetadata> platform = new ArrayList<>();
        List<HasMetadata> migrations = new ArrayList<>();
        for (HasMetadata object : RenderedObjects.parse(chart.render(List.of()))) {
            boolean hook = annotations(object).containsKey(HelmChart.HOOK_ANNOTATION);
            withoutHelmBookkeeping(object);
            (hook ? migrations : platform).add(object);
        }
        return new PlainManifests(platform, migrations);
    }

    public List<HasMetadata> platform() {
        return platform;
    }

    public List<HasMetadata> migrations() {
        return migrations;
    }

    public static String yaml(List<HasMetadata> objects) {
        return HEADER
                + objects.stream()
                        .map(RenderedObjects::toYaml)
                        .map(doc -> doc.startsWith("---") ? doc : "---\n" + doc)
                        .collect(Collectors.joining());
    }

    public void writeTo(Path k8sDir) throws IOException {
        Files.writeString(k8sDir.resolve("base/atc.yaml"), yaml(platform));
        Files.writeString(k8sDir.resolve("migrations/atc-migrations.yaml"), yaml(migrations));
    }

    public static void main(String[] args) throws IOException {
        Path deployDir = Path.of(args[0]);
        of(HelmChart.in(deployDir)).writeTo(deployDir.resolve("k8s"));
        System.out.println(
                "wrote " + deployDir.resolve("k8s/base/atc.yaml") + " and k8s/migrations/atc-migrations.yaml");
    }

    private static void withoutHelmBookkeeping(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        if (labels != null) {
            labels.remove("helm.sh/chart");
            labels.computeIfPresent("app.kubernetes.io/managed-by", (key, value) -> "kustomize");
        }
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        if (annotations != null) {
            annotations.keySet().removeIf(key -> key.startsWith("atc.io/helm-hook"));
            if (annotations.isEmpty()) {
                object.getMetadata().setAnnotations(null);
            }
        }
        PodTemplates.of(object).forEach(template -> {
            Map<String, String> podLabels = template.getMetadata().getLabels();
            podLabels.remove("helm.sh/chart");
            podLabels.computeIfPresent("app.kubernetes.io/managed-by", (key, value) -> "kustomize");
        });
    }

    private static Map<String, String> annotations(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
