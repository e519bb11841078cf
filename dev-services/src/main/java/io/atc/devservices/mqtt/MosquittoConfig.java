package io.atc.devservices.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project's mosquitto.conf, with its machine-specific directives set for where it runs. */
public final class MosquittoConfig {

    static final String LOCATION_ENV = "ATC_MOSQUITTO_CONFIG";

    private static final Path IN_REPO = Path.of("deploy", "mosquitto", "mosquitto.conf");

    private final List<String> lines;

    private MosquittoConfig(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    /** {@code ATC_MOSQUITTO_CONFIG} if set, else the repository's config above the working directory. */
    public static Path locateProjectFile() {
        String explicit = System.getenv(LOCATION_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return findInRepo(Path.of("").toAbsolutePath());
    }

    /** {@code deploy/mosquitto/mosquitto.conf} in {@code start} or the nearest parent that has it. */
    public static Path findInRepo(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(IN_REPO);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(IN_REPO + " not found in " + start + " or any parent; set " + LOCATION_ENV);
    }

    public static MosquittoConfig read(Path file) {
        try {
            return new MosquittoConfig(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Mosquitto config " + file, e);
        }
    }

    /** Replaces the value of every line setting {@code directive}; the project config must have one. */
    public MosquittoConfig set(String directive, String value) {
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (directive.equals(lines.get(i).strip().split("\\s+", 2)[0])) {
                lines.set(i, directive + " " + value);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("The project's mosquitto.conf has no '" + directive + "' line");
        }
        return this;
    }

    public MosquittoConfig append(String line) {
        lines.add(line);
        return this;
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }
}
