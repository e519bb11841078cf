package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.atc.deploy.Renderings.Pod;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;

/** Every ATC_* variable the chart gives a service is one docs/configuration.md lists: a typo fails here, not in a pod. */
class EveryVariableTheChartSetsIsDocumentedTests {

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void everyAtcVariableIsADocumentedSetting(String valuesFile) throws Exception {
        Set<String> documented = documented();
        Set<String> set = new TreeSet<>();
        for (Pod pod : Renderings.pods(Renderings.of(valuesFile))) {
            for (Container container : pod.allContainers()) {
                container.getEnv().stream()
                        .map(EnvVar::getName)
                        .filter(name -> name.startsWith("ATC_"))
                        .forEach(set::add);
            }
        }
        Renderings.ofKind(Renderings.of(valuesFile), ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals("atc-settings"))
                .forEach(map -> map.getData().keySet().stream()
                        .filter(name -> name.startsWith("ATC_"))
                        .forEach(set::add));

        assertThat(set).isNotEmpty();
        assertThat(documented).containsAll(set);
    }

    private static Set<String> documented() throws Exception {
        String docs = Files.readString(Renderings.DEPLOY_DIR.resolve("../docs/configuration.md"));
        Matcher matcher = Pattern.compile("`(ATC_[A-Z0-9_]+)`").matcher(docs);
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
