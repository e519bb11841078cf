package io.atc.apidocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes docs/api/openapi.json and openapi.yaml from the services' stored documents. Run by
 * {@code mvn -B -pl api-docs -am package -DskipTests -Datc.api-docs.write=true} (docs/api/README.md).
 */
public final class ApiDocs {

    public static final String REWRITE_COMMAND =
            "mvn -B -pl api-docs -am package -DskipTests -Datc.api-docs.write=true";

    private ApiDocs() {}

    /** @param args the repository root and the project version */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ApiDocs <repository root> <version>");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        PublicApiDocument document = PublicApiDocument.merge(ServiceDocuments.read(root), args[1]);
        Path directory = committedDirectory(root);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("openapi.json"), document.json(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("openapi.yaml"), document.yaml(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + directory.resolve("openapi.json") + " and openapi.yaml");
    }

    public static Path committedDirectory(Path repositoryRoot) {
        return repositoryRoot.resolve("docs/api");
    }
}
