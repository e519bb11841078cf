package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * The broker's config in the cluster is deploy/mosquitto/mosquitto.conf (the one the tests and ./run
 * start Mosquitto with) with only its file paths moved and logging sent to stdout: a security setting
 * changed in one place and not the other fails here.
 */
class TheClusterBrokerKeepsTheProjectsBrokerConfigTests {

    private static final Set<String> PATHS = Set.of(
            "plugin", "plugin_opt_config_file", "persistence_location", "cafile", "certfile", "keyfile", "crlfile");

    @Test
    void everyDirectiveOfTheProjectsConfigIsInTheChartsInTheSameOrderWithTheSameValue() throws Exception {
        List<String> project = directives(Files.readString(Renderings.DEPLOY_DIR.resolve("mosquitto/mosquitto.conf")));
        String chartConfig = Renderings.named(Renderings.of("default"), ConfigMap.class, "atc-broker-config")
                .getData()
                .get("mosquitto.conf");
        List<String> chart = directives(chartConfig).stream()
                .filter(line -> !line.startsWith("log_dest "))
                .toList();

        assertThat(chart).isEqualTo(project);
    }

    /** Each directive line, comments and blank lines dropped, a path's value replaced by a placeholder. */
    private static List<String> directives(String config) {
        return config.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> {
                    String name = line.split("\\s+", 2)[0];
                    return PATHS.contains(name) ? name + " <path>" : line;
                })
                .toList();
    }
}
