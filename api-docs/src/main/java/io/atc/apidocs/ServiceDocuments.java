package io.atc.apidocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The build-time documents the API services store in their target/openapi (platform-core's
 * quarkus.smallrye-openapi.store-schema-directory), after their BUILD filters ran.
 */
public final class ServiceDocuments {

    public static final List<String> SERVICES =
            List.of("keys-service", "audit-service", "retention-service", "edge-bridge");

    private ServiceDocuments() {}

    /** Each service's document by service name, in {@link #SERVICES} order. */
    public static Map<String, ObjectNode> read(Path repositoryRoot) {
        ObjectMapper json = new ObjectMapper();
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path stored = repositoryRoot.resolve(service).resolve("target/openapi/openapi.json");
            if (!Files.isRegularFile(stored)) {
                throw new IllegalStateException(stored + " is missing: build the service first (mvn -B -pl api-docs -am"
                        + " package -DskipTests writes it).");
            }
            try {
                documents.put(service, (ObjectNode) json.readTree(stored.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + stored, e);
            }
        }
        return documents;
    }
}
