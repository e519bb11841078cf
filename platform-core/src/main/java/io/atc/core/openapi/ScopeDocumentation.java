package io.atc.core.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.IndexView;

import io.atc.core.identity.Scope;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * States each operation's {@link io.atc.core.identity.RequiresScope} in the service's OpenAPI
 * document: in its description, for a reader, and as {@code x-atc-scope}, for a tool. Derived from
 * the annotations when the application is built, so the document cannot drift from what is enforced.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ScopeDocumentation implements OASFilter {

    public static final String EXTENSION = "x-atc-scope";

    private final Map<String, Scope> scopes;

    /** Called by SmallRye OpenAPI with the application's index. */
    public ScopeDocumentation(IndexView index) {
        this.scopes = ScopedOperations.in(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    Scope scope = scopes.get(ScopedOperations.key(method.name(), path));
                    if (scope != null) {
                        document(operation, scope);
                    }
                }));
    }

    private static void document(Operation operation, Scope scope) {
        String requirement = "Requires the `" + scope.wireName() + "` scope (an admin key holds every scope).";
        String description = operation.getDescription();
        operation.setDescription(
                description == null || description.isBlank() ? requirement : description + "\n\n" + requirement);
        operation.addExtension(EXTENSION, scope.wireName());
    }
}
