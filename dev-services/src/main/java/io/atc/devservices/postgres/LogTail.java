package io.atc.devservices.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** Last lines of a process output or log file, for error messages. */
final class LogTail {

    static final int DEFAULT_LINES = 20;

    private LogTail() {}

    static String of(Path file) {
        return of(file, DEFAULT_LINES);
    }

    static String of(Path file, int maxLines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(no output: " + file + " does not exist)";
        }
        Deque<String> lines = new ArrayDeque<>(maxLines);
        // Lenient decoding: the log may contain partial writes or non-UTF-8 bytes.
        try (Stream<String> stream = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()) {
            stream.forEach(line -> {
                if (lines.size() == maxLines) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            });
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
        if (lines.isEmpty()) {
            return "(no output in " + file + ")";
        }
        return "last " + lines.size() + " lines of " + file + ":\n  " + String.join("\n  ", lines);
    }
}
