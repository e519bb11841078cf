package io.atc.testkit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * Keeps docs/configuration.md equal to what a service reads: every property of its config mappings
 * (as the {@code ATC_*} variable an operator sets; a map key is a {@code <NAME>} placeholder) is listed
 * there, and every {@code ATC_<AREA>_*} variable listed there for the service's areas is read by a mapping,
 * by an expression in application.properties or META-INF/microprofile-config.properties (the ports), or
 * is exempt with the reason written at the exemption.
 */
public final class DocumentedConfiguration {

    /** A variable in the first table cell that names one: {@code `ATC_GATEWAY_ROUTES_<ROUTE>_PATHS`}. */
    private static final Pattern DOCUMENTED = Pattern.compile("`(_?[A-Z][A-Z0-9_]*(?:<[A-Z_]+>[A-Z0-9_]*)*)`");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(atc\\.[a-z0-9.\\-]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Z_]+>");
    private static final String KEY = "<KEY>";

    private final Path markdown;
    private final List<Class<?>> mappings = new ArrayList<>();
    private final Map<String, String> exemptions = new LinkedHashMap<>();

    private DocumentedConfiguration(Path markdown) {
        this.markdown = markdown;
    }

    /** docs/configuration.md of this repository, seen from a module's directory (where tests run). */
    public static DocumentedConfiguration ofRepository() {
        return of(Path.of("..", "docs", "configuration.md"));
    }

    public static DocumentedConfiguration of(Path markdown) {
        return new DocumentedConfiguration(markdown);
    }

    public DocumentedConfiguration mappings(Class<?>... types) {
        for (Class<?> type : types) {
            if (!type.isAnnotationPresent(ConfigMapping.class)) {
                throw new IllegalArgumentException(type.getName() + " is not a @ConfigMapping");
            }
            mappings.add(type);
        }
        return this;
    }

    /** A documented variable no mapping reads, and why (who reads it instead). */
    public DocumentedConfiguration exempt(String variable, String readBy) {
        exemptions.put(variable, readBy);
        return this;
    }

    /** Fails with every difference between the mappings and the docs' variables of these areas ({@code ATC_EDGE_}). */
    public void assertDocumentsExactly(String... areas) {
        assertThat(differences(areas))
                .as("differences between %s and the config mappings %s", markdown, mappings)
                .isEmpty();
    }

    public List<String> differences(String... areas) {
        Set<String> documented = documented();
        Set<String> mapped = new TreeSet<>();
        for (Class<?> mapping : mappings) {
            collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), mapped);
        }
        Set<String> read = new TreeSet<>(mapped);
        read.addAll(readByExpressions());
        read.addAll(exemptions.keySet());
        List<String> differences = new ArrayList<>();
        for (String name : mapped) {
            if (documented.stream().noneMatch(doc -> sameVariable(doc, name))) {
                differences.add(name + " is read by a config mapping but not listed in " + markdown.getFileName());
            }
        }
        for (String name : documented) {
            if (name.startsWith("_")) {
                differences.add(name + " is not a full name: give each variable its own row");
            } else if (inAreas(name, areas) && read.stream().noneMatch(known -> sameVariable(name, known))) {
                differences.add(name + " is listed in " + markdown.getFileName() + " but no config mapping reads it");
            }
        }
        return differences;
    }

    /** The variable of a property as an operator sets it: {@code atc.edge.ingest.max-event-bytes} is ATC_EDGE_INGEST_MAX_EVENT_BYTES. */
    public static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9<>]", "_");
    }

    private static boolean inAreas(String name, String... areas) {
        for (String area : areas) {
            if (name.startsWith(area)) {
                return true;
            }
        }
        return false;
    }

    /** Equal names, where a map key placeholder ({@code <ROUTE>}, {@code <KEY>}) matches any key. */
    private static boolean sameVariable(String documented, String read) {
        String doc = PLACEHOLDER.matcher(documented).replaceAll(KEY);
        String known = PLACEHOLDER.matcher(read).replaceAll(KEY);
        return doc.equals(known)
                || asPattern(known).matcher(doc).matches()
                || asPattern(doc).matcher(known).matches();
    }

    private static Pattern asPattern(String name) {
        return Pattern.compile(Pattern.quote(name).replace(KEY, "\\E[A-Z0-9_]+\\Q"));
    }

    private Set<String> documented() {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        for (String line : lines) {
            if (!line.startsWith("|")) {
                continue;
            }
            for (String cell : line.split("\\|")) {
                Matcher variable = DOCUMENTED.matcher(cell);
                boolean found = false;
                while (variable.find()) {
                    if (variable.group(1).startsWith("ATC_")
                            || variable.group(1).startsWith("_")) {
                        names.add(variable.group(1));
                        found = true;
                    }
                }
                if (found) {
                    break;
                }
            }
        }
        return names;
    }

    private static void collect(Class<?> group, String prefix, Set<String> names) {
        for (Method method : group.getMethods()) {
            if (method.isDefault()
                    || Modifier.isStatic(method.getModifiers())
                    || method.getParameterCount() > 0
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String property = method.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + name(method);
            collect(method.getGenericReturnType(), property, names);
        }
    }

    private static void collect(Type type, String property, Set<String> names) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == Optional.class) {
                collect(arguments[0], property, names);
                return;
            }
            if (Map.class.isAssignableFrom(raw)) {
                collect(arguments[1], property + "." + KEY, names);
                return;
            }
        }
        if (type instanceof Class<?> plain && isGroup(plain)) {
            collect(plain, property, names);
            return;
        }
        names.add(variable(property));
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static String name(Method method) {
        WithName named = method.getAnnotation(WithName.class);
        return named != null
                ? named.value()
                : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Variables read only through expressions such as {@code quarkus.http.port=${atc.edge.port:8084}}. */
    private static Set<String> readByExpressions() {
        Set<String> names = new TreeSet<>();
        for (String resource : List.of("application.properties", "META-INF/microprofile-config.properties")) {
            try {
                for (URL url : Collections.list(
                        DocumentedConfiguration.class.getClassLoader().getResources(resource))) {
                    try (InputStream in = url.openStream()) {
                        Matcher expression = EXPRESSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        while (expression.find()) {
                            names.add(variable(expression.group(1)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
