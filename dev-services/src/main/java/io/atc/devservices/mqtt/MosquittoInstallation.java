package io.atc.devservices.mqtt;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Mosquitto broker, its mosquitto_ctrl tool and its dynamic-security plugin on this machine. */
public record MosquittoInstallation(Path broker, Path ctrl, Path dynsecPlugin) {

    static final String PLUGIN_ENV = "ATC_MOSQUITTO_DYNSEC_PLUGIN";

    private static final String PLUGIN_FILE = "mosquitto_dynamic_security.so";
    private static final List<String> EXTRA_BIN_DIRS = List.of(
            "/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin");
    private static final List<String> PLUGIN_DIRS = List.of(
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu",
            "/usr/lib",
            "/usr/local/lib",
            "/usr/lib/mosquitto",
            "/opt/homebrew/lib");

    public static Optional<MosquittoInstallation> find() {
        return findExecutable("mosquitto").flatMap(broker -> findExecutable("mosquitto_ctrl")
                .flatMap(ctrl -> findDynsecPlugin().map(plugin -> new MosquittoInstallation(broker, ctrl, plugin))));
    }

    private static Optional<Path> findExecutable(String name) {
        Stream<String> pathDirs =
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(pathDirs, EXTRA_BIN_DIRS.stream())
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Optional<Path> findDynsecPlugin() {
        String explicit = System.getenv(PLUGIN_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isRegularFile);
        }
        return PLUGIN_DIRS.stream()
                .map(dir -> Path.of(dir, PLUGIN_FILE))
                .filter(Files::isRegularFile)
                .findFirst();
    }
}
