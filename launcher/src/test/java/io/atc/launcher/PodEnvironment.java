package io.atc.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * A rendered pod's container environment and files, resolved the way the kubelet would, on this
 * machine: envFrom ConfigMaps, literal values with {@code $(VAR)} expansion, Secret keys, the pod's
 * name; Secret volumes written to files, emptyDirs and claims as directories (one directory per claim,
 * shared by every pod that mounts it); and every value naming a mount path moved to its directory.
 * What is cluster-specific (service host names) is left to the caller's {@code addresses}.
 */
final class PodEnvironment {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final Map<String, Secret> secrets;
    private final Map<String, ConfigMap> configMaps;
    private final Path root;

    PodEnvironment(Map<String, Secret> secrets, Map<String, ConfigMap> configMaps, Path root) {
        this.secrets = secrets;
        this.configMaps = configMaps;
        this.root = root;
    }

    Map<String, String> resolve(String podName, PodSpec pod, Container container, UnaryOperator<String> addresses)
            throws IOException {
        Map<String, Path> mounts = mount(podName, pod, container);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            env.putAll(configMap(source.getConfigMapRef().getName()).getData());
        }
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), value(podName, variable, env));
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        env.forEach((name, value) -> resolved.put(name, addresses.apply(movedToMounts(value, mounts))));
        return resolved;
    }

    private String value(String podName, EnvVar variable, Map<String, String> defined) {
        if (variable.getValueFrom() == null) {
            Matcher reference = REFERENCE.matcher(variable.getValue());
            return reference.replaceAll(
                    match -> Matcher.quoteReplacement(defined.getOrDefault(match.group(1), match.group())));
        }
        if (variable.getValueFrom().getSecretKeyRef() != null) {
            return new String(
                    secretValue(
                            variable.getValueFrom().getSecretKeyRef().getName(),
                            variable.getValueFrom().getSecretKeyRef().getKey()),
                    StandardCharsets.UTF_8);
        }
        if (variable.getValueFrom().getFieldRef() != null
                && variable.getValueFrom().getFieldRef().getFieldPath().equals("metadata.name")) {
            return podName;
        }
        throw new IllegalArgumentException("no local equivalent of " + variable.getName() + "'s source");
    }

    /** Each mount path of the container, as a local directory holding what the volume would. */
    private Map<String, Path> mount(String podName, PodSpec pod, Container container) throws IOException {
        Map<String, Volume> volumes = new HashMap<>();
        pod.getVolumes().forEach(volume -> volumes.put(volume.getName(), volume));
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            Path dir;
            if (volume.getPersistentVolumeClaim() != null) {
                dir = root.resolve("claims")
                        .resolve(volume.getPersistentVolumeClaim().getClaimName());
                Files.createDirectories(dir);
            } else if (volume.getSecret() != null) {
                dir = Files.createDirectories(
                        root.resolve("pods").resolve(podName).resolve(mount.getName()));
                for (var item : volume.getSecret().getItems()) {
                    Files.write(
                            dir.resolve(item.getPath()),
                            secretValue(volume.getSecret().getSecretName(), item.getKey()));
                }
            } else if (volume.getEmptyDir() != null) {
                dir = Files.createDirectories(
                        root.resolve("pods").resolve(podName).resolve(mount.getName()));
            } else {
                throw new IllegalArgumentException("no local equivalent of volume " + mount.getName());
            }
            mounts.put(mount.getMountPath(), dir);
        }
        return mounts;
    }

    private static String movedToMounts(String value, Map<String, Path> mounts) {
        for (Map.Entry<String, Path> mount : mounts.entrySet()) {
            if (value.equals(mount.getKey()) || value.startsWith(mount.getKey() + "/")) {
                return mount.getValue() + value.substring(mount.getKey().length());
            }
        }
        return value;
    }

    private byte[] secretValue(String name, String key) {
        Secret secret = secrets.get(name);
        if (secret == null || !secret.getData().containsKey(key)) {
            throw new IllegalArgumentException("the pod reads " + name + "/" + key + ", which no Secret holds");
        }
        return Base64.getDecoder().decode(secret.getData().get(key));
    }

    private ConfigMap configMap(String name) {
        ConfigMap map = configMaps.get(name);
        if (map == null) {
            throw new IllegalArgumentException("the pod reads ConfigMap " + name + ", which the chart does not make");
        }
        return map;
    }
}
