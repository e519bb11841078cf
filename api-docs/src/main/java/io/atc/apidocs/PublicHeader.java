package io.atc.apidocs;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the merged document says about itself: title, version, where to read more (links relative to
 * docs/api, where the document is committed), the server, the tags in order.
 */
final class PublicHeader {

    static final String TITLE = "ATC platform API";
    static final String SERVER = "http://localhost:8080";

    /** Every operation has exactly one of these tags; this is their order in the document and in clients. */
    static final Map<String, String> TAGS = tags();

    private PublicHeader() {}

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("keys", "API keys: create with scopes, list, rotate, revoke; the raw key is shown once.");
        tags.put("tenants", "Onboarding a tenant with the operator credential.");
        tags.put("console", "Console sign-in, sessions and console users.");
        tags.put("audit", "The tenant's hash-chained audit trail: read, export, verify, erase payloads.");
        tags.put("sites", "Sites: the places where devices are installed.");
        tags.put("devices", "Devices, their MQTT credentials and certificates, and the transport policy.");
        tags.put("events", "Events and images the devices published, read back.");
        tags.put("retention", "How long events and images are kept, holds, purge runs and erasures.");
        return tags;
    }

    static ObjectNode info(String version) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("title", TITLE);
        info.put("version", version);
        info.put(
                "description",
                "The public API of the ATC platform, served by the gateway at /v1/openapi.json and"
                        + " /v1/openapi.yaml. Authenticate with an API key (Authorization: Bearer or X-Api-Key);"
                        + " each operation states the scope it needs. Getting started, paging and rate limits:"
                        + " [docs/integrators.md](../integrators.md)."
                        + " Every error is application/problem+json with a stable `type`:"
                        + " [docs/errors.md](../errors.md).");
        return info;
    }

    static ArrayNode servers() {
        ArrayNode servers = JsonNodeFactory.instance.arrayNode();
        servers.addObject().put("url", SERVER).put("description", "./run");
        return servers;
    }

    static ArrayNode tagList() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        TAGS.forEach((name, description) -> list.addObject().put("name", name).put("description", description));
        return list;
    }
}
