package io.atc.core.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The credentials the public API accepts, as the gateway reads them (tenant-gateway PresentedKeys,
 * KeylessRoutes): the API key as {@code Authorization: Bearer} or {@code X-Api-Key}, the operator
 * credential, the console session cookie. Operations name them; their definitions live only here.
 */
public final class SecuritySchemes {

    public static final String API_KEY_BEARER = "apiKeyBearer";
    public static final String API_KEY_HEADER = "apiKeyHeader";
    public static final String OPERATOR_TOKEN = "operatorToken";
    public static final String CONSOLE_SESSION = "consoleSession";

    private static final String KEY_FORMAT = "atc_<env>_<id>_<secret>";

    private SecuritySchemes() {}

    static void defineIn(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents()
                .addSecurityScheme(
                        API_KEY_BEARER,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat(KEY_FORMAT)
                                .description("An API key as `Authorization: Bearer " + KEY_FORMAT
                                        + "` (docs/keys.md). Send it this way or as X-Api-Key, not both with"
                                        + " different values."))
                .addSecurityScheme(
                        API_KEY_HEADER,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("X-Api-Key")
                                .description("An API key (`" + KEY_FORMAT + "`) in the X-Api-Key header."))
                .addSecurityScheme(
                        OPERATOR_TOKEN,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("X-Operator-Token")
                                .description("The platform operator's credential; only onboarding a tenant"
                                        + " accepts it."))
                .addSecurityScheme(
                        CONSOLE_SESSION,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name("__Host-atc_session")
                                .description("The console session cookie set by signing in; every change made"
                                        + " with it also echoes the session's CSRF token in X-CSRF-Token."));
    }

    /** Either form of the API key. */
    static List<SecurityRequirement> apiKey() {
        return List.of(
                OASFactory.createSecurityRequirement().addScheme(API_KEY_BEARER),
                OASFactory.createSecurityRequirement().addScheme(API_KEY_HEADER));
    }
}
