package io.atc.devservices.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The project's mosquitto.conf, with its machine-specific directives set for where it runs. */
public final class MosquittoConfig {

    static final String LOCATION_ENV = "ATC_MOSQUITTO_CONFIG";

    /** The ports the project's config gives its listeners. */
    public static final int PLAIN_PORT = 1883;

    public static final int TLS_PORT = 8883;

    private static final Path IN_REPO = Path.of("deploy", "mosquitto", "mosquitto.conf");
    private static final Set<String> TLS_LISTENER_DIRECTIVES = Set.of(
            "cafile",
            "capath",
            "certfile",
            "keyfile",
            "crlfile",
            "require_certificate",
            "use_identity_as_username",
            "use_subject_as_username",
            "use_username_as_clientid",
            "tls_version",
            "ciphers",
            "ciphers_tls1.3",
            "tls_engine",
            "tls_keyform",
            "dhparamfile");

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
            if (directive.equals(directive(lines.get(i)))) {
                lines.set(i, directive + " " + value);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("The project's mosquitto.conf has no '" + directive + "' line");
        }
        return this;
    }

    /** Replaces the listener line of {@code projectPort} (e.g. with "0 127.0.0.1" or "45123 127.0.0.1"). */
    public MosquittoConfig setListener(int projectPort, String value) {
        int index = listenerLine(projectPort);
        lines.set(index, "listener " + value);
        return this;
    }

    /**
     * Removes the listener of {@code projectPort} together with its TLS settings (the directives
     * that follow it up to the next listener), for brokers that run without that listener.
     */
    public MosquittoConfig dropListener(int projectPort) {
        int index = listenerLine(projectPort);
        lines.remove(index);
        while (index < lines.size() && !"listener".equals(directive(lines.get(index)))) {
            if (TLS_LISTENER_DIRECTIVES.contains(directive(lines.get(index)))) {
                lines.remove(index);
            } else {
                index++;
            }
        }
        return this;
    }

    private int listenerLine(int projectPort) {
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).strip().split("\\s+");
            if (words.length >= 2 && "listener".equals(words[0]) && words[1].equals(String.valueOf(projectPort))) {
                return i;
            }
        }
        throw new IllegalStateException("The project's mosquitto.conf has no 'listener " + projectPort + "' line");
    }

    private static String directive(String line) {
        return line.strip().split("\\s+", 2)[0];
    }

    public MosquittoConfig append(String line) {
        lines.add(line);
        return this;
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }
}
