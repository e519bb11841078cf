package io.atc.core.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.IndexView;

import io.atc.core.identity.Scope;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Makes a service's document speak to integrators rather than to the gateway: the credentials they
 * hold ({@link SecuritySchemes}) on each scoped operation, and every error as the shared
 * {@link ProblemSchema} with the errors any request can meet ({@link ErrorResponses}). Runs when
 * the application is built, so the stored document (target/openapi, merged by api-docs) has it.
 * Paths under /internal are left as they are: api-docs drops them.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PublicDocument implements OASFilter {

    private static final String INTERNAL = "/internal/";

    private final Map<String, Scope> scopes;

    /** Called by SmallRye OpenAPI with the application's index. */
    public PublicDocument(IndexView index) {
        this(ScopedOperations.in(index));
    }

    PublicDocument(Map<String, Scope> scopes) {
        this.scopes = scopes;
    }

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        SecuritySchemes.defineIn(openApi);
        ProblemSchema.defineIn(openApi);
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith(INTERNAL)) {
                item.getOperations()
                        .forEach((method, operation) ->
                                makePublic(path, operation, scopes.get(ScopedOperations.key(method.name(), path))));
            }
        });
    }

    private static void makePublic(String path, Operation operation, Scope scope) {
        if (scope != null && operation.getSecurity() == null) {
            operation.setSecurity(SecuritySchemes.apiKey());
        }
        ErrorResponses.complete(path, operation, forbiddenWhen(scope));
    }

    /** Only a key is refused with 403; a wrong operator credential is a 401, and nothing limits where it is used from. */
    private static String forbiddenWhen(Scope scope) {
        return scope == null
                ? null
                : "The key lacks the `" + scope.wireName()
                        + "` scope, or may not be used from this client address or browser origin.";
    }
}
