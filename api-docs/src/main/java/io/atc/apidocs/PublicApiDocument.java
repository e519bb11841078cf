package io.atc.apidocs;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The one public document, merged from the services' documents, and its two renderings (stable, trailing newline). */
public final class PublicApiDocument {

    public static final String OPENAPI_VERSION = "3.1.0";

    private final ObjectNode document;

    private PublicApiDocument(ObjectNode document) {
        this.document = document;
    }

    public static PublicApiDocument merge(Map<String, ObjectNode> serviceDocuments, String version) {
        DocumentMerger merger = new DocumentMerger();
        serviceDocuments.forEach(merger::add);
        ObjectNode paths = merger.paths();
        ObjectNode schemas = merger.schemas();
        UnusedSchemas.drop(paths, schemas);

        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("openapi", OPENAPI_VERSION);
        document.set("info", PublicHeader.info(version));
        document.set("servers", PublicHeader.servers());
        document.set("tags", PublicHeader.tagList());
        document.set("paths", paths);
        ObjectNode components = document.putObject("components");
        components.set("schemas", schemas);
        components.set("securitySchemes", merger.securitySchemes());
        return new PublicApiDocument(document);
    }

    public ObjectNode tree() {
        return document.deepCopy();
    }

    public String json() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String yaml() {
        YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build());
        try {
            String text = yaml.writeValueAsString(document);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
