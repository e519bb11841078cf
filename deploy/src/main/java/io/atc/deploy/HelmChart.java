package io.atc.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * The platform's chart, rendered offline through helm-java (Helm's own Go library, no helm binary
 * and no cluster).
 *
 * <p>Helm prints hooks (the migration Job, its ServiceAccount and Secret) apart from the release's
 * manifest, and helm-java returns only the manifest. So the chart is rendered from a copy in which
 * the hook annotations are renamed to {@link #HOOK_ANNOTATION} (and its siblings): Helm then treats
 * the hooks as ordinary objects, and the rendering shows them with their hook settings intact under
 * the new names. Nothing else in the copy differs.
 */
public final class HelmChart {

    /** The release name the tests and the plain manifests use: objects are named atc-gateway etc. */
    public static final String RELEASE = "atc";

    public static final String KUBE_VERSION = "v1.30.0";
    public static final String HOOK_ANNOTATION = "atc.io/helm-hook";
    public static final String HOOK_WEIGHT_ANNOTATION = "atc.io/helm-hook-weight";
    public static final String HOOK_DELETE_POLICY_ANNOTATION = "atc.io/helm-hook-delete-policy";

    private static final Map<String, String> HOOK_RENAMES = Map.of(
            "helm.sh/hook:", HOOK_ANNOTATION + ":",
            "helm.sh/hook-weight:", HOOK_WEIGHT_ANNOTATION + ":",
            "helm.sh/hook-delete-policy:", HOOK_DELETE_POLICY_ANNOTATION + ":");

    private final Path chartDir;

    public HelmChart(Path chartDir) {
        this.chartDir = chartDir;
    }

    public static HelmChart in(Path deployModuleDir) {
        return new HelmChart(deployModuleDir.resolve("helm/atc"));
    }

    public Path directory() {
        return chartDir;
    }

    public LintResult lint() {
        return new Helm(chartDir).lint().strict().call();
    }

    /** The rendered objects, hooks included, for these values files (applied in order over values.yaml). */
    public String render(List<Path> valuesFiles) {
        return render(valuesFiles, Map.of());
    }

    public String render(List<Path> valuesFiles, Map<String, Object> sets) {
        Path copy = copyWithHooksRevealed();
        try {
            TemplateCommand template = new Helm(copy)
                    .template()
                    .withName(RELEASE)
                    .withNamespace(RELEASE)
                    .withKubeVersion(KUBE_VERSION);
            for (Path values : valuesFiles) {
                template = template.withValuesFile(values.toAbsolutePath());
            }
            for (Map.Entry<String, Object> set : sets.entrySet()) {
                template = template.set(set.getKey(), set.getValue());
            }
            return template.call();
        } finally {
            deleteRecursively(copy);
        }
    }

    private Path copyWithHooksRevealed() {
        try {
            Path copy = Files.createTempDirectory("atc-chart-");
            try (Stream<Path> files = Files.walk(chartDir)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(chartDir.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, revealHooks(Files.readString(source)));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String revealHooks(String template) {
        String revealed = template;
        for (Map.Entry<String, String> rename : HOOK_RENAMES.entrySet()) {
            revealed = revealed.replace(rename.getKey(), rename.getValue());
        }
        return revealed;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
