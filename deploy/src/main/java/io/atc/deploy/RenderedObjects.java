package io.atc.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Multi-document YAML (a Helm rendering, kubectl kustomize's output) as typed Kubernetes objects. */
public final class RenderedObjects {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private RenderedObjects() {}

    /** Each non-empty document as its model class (GenericKubernetesResource for kinds of CRDs). */
    public static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (hasContent(document)) {
                objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        return objects;
    }

    public static String toYaml(Object object) {
        return SERIALIZATION.asYaml(object);
    }

    public static String toJson(Object object) {
        return SERIALIZATION.asJson(object);
    }

    private static boolean hasContent(String document) {
        return document.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }
}
