package io.atc.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which operations of the committed public document a test's responses answered: each response's
 * method and path matched against the document's path templates. The test counts what it called from
 * what went over the wire, not from what it meant to call.
 */
final class OperationCoverage implements Consumer<HttpResponse<InputStream>> {

    private record Template(String method, Pattern path, String operationId) {}

    private final List<Template> templates = new ArrayList<>();
    private final Set<String> called = ConcurrentHashMap.newKeySet();
    private final Set<String> unmatched = ConcurrentHashMap.newKeySet();

    private OperationCoverage() {}

    static OperationCoverage of(Path document) throws IOException {
        OperationCoverage coverage = new OperationCoverage();
        JsonNode paths = new ObjectMapper().readTree(document.toFile()).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            Pattern pattern = Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = ops.next();
                if (operation.getValue().has("operationId")) {
                    coverage.templates.add(new Template(
                            operation.getKey().toUpperCase(java.util.Locale.ROOT),
                            pattern,
                            operation.getValue().get("operationId").asText()));
                }
            }
        }
        return coverage;
    }

    @Override
    public void accept(HttpResponse<InputStream> response) {
        String method = response.request().method();
        String path = response.request().uri().getRawPath();
        templates.stream()
                .filter(t -> t.method().equals(method) && t.path().matcher(path).matches())
                .findFirst()
                .ifPresentOrElse(t -> called.add(t.operationId()), () -> unmatched.add(method + " " + path));
    }

    Set<String> all() {
        Set<String> ids = new TreeSet<>();
        templates.forEach(t -> ids.add(t.operationId()));
        return ids;
    }

    Set<String> missed() {
        Set<String> missed = all();
        missed.removeAll(called);
        return missed;
    }

    Set<String> unmatched() {
        return new TreeSet<>(unmatched);
    }
}
