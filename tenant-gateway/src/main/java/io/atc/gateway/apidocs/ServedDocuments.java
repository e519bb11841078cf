package io.atc.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

/**
 * The committed docs/api/openapi.json and .yaml (copied onto the classpath under public-api/ when the
 * gateway is built), served at {@link #PATHS} without a key. Read once at start-up; a build without
 * them does not start.
 */
@Singleton
public class ServedDocuments {

    public static final String JSON_PATH = "/v1/openapi.json";
    public static final String YAML_PATH = "/v1/openapi.yaml";
    public static final Set<String> PATHS = Set.of(JSON_PATH, YAML_PATH);

    private final Map<String, ServedDocument> byPath;

    public ServedDocuments() {
        this.byPath = Map.of(
                JSON_PATH, ServedDocument.of(JSON_PATH, "application/json", read("public-api/openapi.json")),
                YAML_PATH, ServedDocument.of(YAML_PATH, "application/yaml", read("public-api/openapi.yaml")));
    }

    /** The document at this normalised path; null when the path is not one of {@link #PATHS}. */
    public ServedDocument at(String path) {
        return byPath.get(path);
    }

    public List<ServedDocument> all() {
        return List.of(byPath.get(JSON_PATH), byPath.get(YAML_PATH));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ServedDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the build copies docs/api there");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
