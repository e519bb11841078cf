package io.atc.core.openapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;

/** Which scope each operation ({@code GET /v1/sites/{siteId}}) requires, read from the index's {@link RequiresScope}s. */
final class ScopedOperations {

    private static final DotName REQUIRES_SCOPE = DotName.createSimple(RequiresScope.class);
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final List<String> HTTP_METHODS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    /** A template with a regular expression, {@code {seq: \d+}}, as OpenAPI writes it: {@code {seq}}. */
    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");

    private ScopedOperations() {}

    static Map<String, Scope> in(IndexView index) {
        Map<String, Scope> scopes = new HashMap<>();
        for (AnnotationInstance required : index.getAnnotations(REQUIRES_SCOPE)) {
            if (required.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = required.target().asMethod();
            Scope scope = Scope.valueOf(required.value().asEnum());
            String path = path(method.declaringClass(), method);
            for (String httpMethod : HTTP_METHODS) {
                if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + httpMethod))) {
                    scopes.put(key(httpMethod, path), scope);
                }
            }
        }
        return scopes;
    }

    static String key(String httpMethod, String path) {
        return httpMethod.toUpperCase() + " " + path;
    }

    private static String path(ClassInfo resource, MethodInfo method) {
        StringBuilder path = new StringBuilder();
        for (AnnotationInstance declared :
                new AnnotationInstance[] {resource.declaredAnnotation(PATH), method.declaredAnnotation(PATH)}) {
            if (declared != null) {
                String segment = TEMPLATE_REGEX
                        .matcher(declared.value().asString())
                        .replaceAll("{$1}")
                        .replaceAll("^/+|/+$", "");
                if (!segment.isEmpty()) {
                    path.append('/').append(segment);
                }
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
