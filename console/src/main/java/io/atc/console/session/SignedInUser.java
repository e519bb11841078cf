package io.atc.console.session;

import java.util.List;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/** The signed-in user as the gateway's session endpoint answered: tenant, user, scopes, CSRF token. */
@TemplateData
public record SignedInUser(String tenant, String userId, List<String> scopes, String csrfToken) {

    static SignedInUser from(JsonObject session) {
        return new SignedInUser(
                session.getString("tenant"),
                session.getString("userId"),
                session.getJsonArray("scopes").stream().map(String::valueOf).toList(),
                session.getString("csrfToken"));
    }

    public boolean holds(String scope) {
        return scopes.contains(scope) || scopes.contains("admin");
    }
}
