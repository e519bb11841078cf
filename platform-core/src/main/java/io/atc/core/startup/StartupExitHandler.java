package io.atc.core.startup;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;

/**
 * Keeps the start-up refusal contract (docs/operations.md) for configuration that Quarkus itself rejects
 * before any start-up check runs: a value outside a config mapping's bounds, an unconvertible value, an
 * {@code atc.*} name no mapping knows. Quarkus would print its own report and exit 1; this exit handler,
 * which every service's main passes to {@link Quarkus#run}, logs one
 * {@code ATC-STARTUP-CONFIG <ATC_NAME>: <what is wrong>} line instead and exits with
 * {@link StartupRefusal#EXIT_CODE}. Every other exit goes to Quarkus's own handler unchanged.
 */
public final class StartupExitHandler implements BiConsumer<Integer, Throwable> {

    private static final DateTimeFormatter TEXT_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final Pattern PROPERTY = Pattern.compile("\\batc\\.[A-Za-z0-9.\\-\"\\[\\]]*[A-Za-z0-9\"\\]]");
    private static final Pattern SMALLRYE_CODE = Pattern.compile("^SRCFG\\d+: ");

    /** What each service's {@code @QuarkusMain} does: run until exit, with this handler. */
    public static void runService(String... args) {
        Quarkus.run((Class<? extends QuarkusApplication>) null, new StartupExitHandler(), args);
    }

    @Override
    public void accept(Integer exitCode, Throwable failure) {
        List<String> problems = configProblems(failure);
        if (problems.isEmpty()) {
            ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(exitCode, failure);
            return;
        }
        System.out.println(logLine("ATC-STARTUP-CONFIG " + String.join("; ", problems)));
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(StartupRefusal.EXIT_CODE, null);
    }

    /** Each problem of a rejected configuration as {@code <ATC_NAME>: <what is wrong>}; empty for any other failure. */
    static List<String> configProblems(Throwable failure) {
        List<String> problems = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConfigValidationException invalid) {
                for (int i = 0; i < invalid.getProblemCount(); i++) {
                    problems.add(problem(invalid.getProblem(i).getMessage()));
                }
                return problems;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConfigurationException && cause.getMessage() != null) {
                for (String line : cause.getMessage().split("\n")) {
                    if (!line.isBlank() && !line.strip().endsWith(":")) {
                        problems.add(problem(line.strip()));
                    }
                }
                return problems;
            }
        }
        return problems;
    }

    /** {@code atc.gateway.clientIp.max-hops must be ...} becomes {@code ATC_GATEWAY_CLIENT_IP_MAX_HOPS: must be ...}. */
    static String problem(String message) {
        String text = SMALLRYE_CODE.matcher(message.strip()).replaceFirst("");
        Matcher property = PROPERTY.matcher(text);
        if (!property.find()) {
            return text;
        }
        String name = environmentName(property.group());
        if (property.start() == 0) {
            return name + ":" + text.substring(property.end());
        }
        return name + ": " + text.substring(0, property.start()) + name + text.substring(property.end());
    }

    /** The environment variable of a property as an operator sets it: {@code atc.gateway.clientIp.max-hops} is ATC_GATEWAY_CLIENT_IP_MAX_HOPS. */
    static String environmentName(String property) {
        String withoutIndexes = property.replaceAll("\\[\\d+]", "").replace("\"", "");
        String kebab = withoutIndexes.replaceAll("([a-z0-9])([A-Z])", "$1-$2");
        return kebab.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Quarkus sets up logging only after its configuration is accepted, so the line is written the way
     * the service's console log would have written it: JSON unless ATC_LOG_JSON is false (its default in
     * META-INF/microprofile-config.properties), else the text format.
     */
    static String logLine(String message) {
        if ("false"
                .equalsIgnoreCase(
                        System.getenv().getOrDefault("ATC_LOG_JSON", "true").strip())) {
            return TEXT_TIMESTAMP.format(LocalDateTime.now()) + " ERROR [" + StartupExitHandler.class.getName() + "] ("
                    + Thread.currentThread().getName() + ") " + message;
        }
        Map<String, String> record = new LinkedHashMap<>();
        record.put("timestamp", OffsetDateTime.now().toString());
        record.put("loggerName", StartupExitHandler.class.getName());
        record.put("level", "ERROR");
        record.put("message", message);
        record.put("threadName", Thread.currentThread().getName());
        try {
            return new ObjectMapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
