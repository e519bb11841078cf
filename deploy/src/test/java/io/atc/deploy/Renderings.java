package io.atc.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** The chart rendered for each values file the tests use, once per JVM. */
final class Renderings {

    static final Path DEPLOY_DIR = Path.of(System.getProperty("atc.deploy.dir", "."));
    static final HelmChart CHART = HelmChart.in(DEPLOY_DIR);

    /** The chart's realistic values files; "default" is values.yaml alone. */
    static final List<String> VALUES_FILES = List.of("default", "minimal", "production", "ha");

    private static final Map<String, List<HasMetadata>> CACHE = new ConcurrentHashMap<>();

    private Renderings() {}

    static Stream<String> valuesFiles() {
        return VALUES_FILES.stream();
    }

    static List<HasMetadata> of(String valuesFile) {
        return CACHE.computeIfAbsent(valuesFile, name -> RenderedObjects.parse(CHART.render(valuesPaths(name))));
    }

    static List<Path> valuesPaths(String name) {
        return name.equals("default") ? List.of() : List.of(CHART.directory().resolve("ci/" + name + "-values.yaml"));
    }

    static Path testValues(String name) {
        return DEPLOY_DIR.resolve("src/test/resources/values/" + name + ".yaml");
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> kind, String name) {
        return find(objects, kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name));
    }

    static <T extends HasMetadata> Optional<T> find(List<HasMetadata> objects, Class<T> kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst();
    }

    static String component(HasMetadata object) {
        return object.getMetadata().getLabels().get("app.kubernetes.io/component");
    }

    /** Every pod the rendering would run, with the object that runs it. */
    static List<Pod> pods(List<HasMetadata> objects) {
        List<Pod> pods = new ArrayList<>();
        for (HasMetadata object : objects) {
            for (PodTemplateSpec template : PodTemplates.of(object)) {
                pods.add(new Pod(object, template));
            }
        }
        return pods;
    }

    record Pod(HasMetadata owner, PodTemplateSpec template) {
        PodSpec spec() {
            return template.getSpec();
        }

        String name() {
            return owner.getKind() + "/" + owner.getMetadata().getName();
        }

        List<Container> allContainers() {
            List<Container> all = new ArrayList<>(spec().getContainers());
            if (spec().getInitContainers() != null) {
                all.addAll(spec().getInitContainers());
            }
            return all;
        }

        Map<String, String> labels() {
            return template.getMetadata().getLabels();
        }
    }
}
