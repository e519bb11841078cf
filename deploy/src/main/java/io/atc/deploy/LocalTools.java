package io.atc.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Command-line tools the deployment's checks run (kubectl, openssl), found on the PATH. */
public final class LocalTools {

    private LocalTools() {}

    public static Optional<Path> find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static boolean present(String... tools) {
        for (String tool : tools) {
            if (find(tool).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
