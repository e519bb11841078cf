package io.atc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's state beside each figure: the machine is shared, and a figure without its load misleads. */
final class Machine {

    private Machine() {}

    /** The 1, 5 and 15 minute load averages (/proc/loadavg), e.g. "1.40 0.93 0.42 (2 cores)". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2] + " ("
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
