package io.atc.keys;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.atc.testkit.sweep.ClientDocumentationCheck;
import io.atc.testkit.sweep.ClientDocumentationCheck.Expected;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client generated from the platform's document calls keys-service's operations by the names the
 * design fixed (docs/api, clients/java: KeysApi.createApiKey, ConsoleApi.signIn, ...), finds each under one
 * tag, and shows its integrator a request and response example that parses.
 * Breaks when: an operation loses or changes its operationId or tag, a public operation is added without
 * being listed here, or a body or success response has no example, or one that is not JSON.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class EveryPublicOperationIsDocumentedForClientsTests {

    private static final List<Expected> OPERATIONS = List.of(
            new Expected("createApiKey", "POST /v1/keys", "keys"),
            new Expected("listApiKeys", "GET /v1/keys", "keys"),
            new Expected("getApiKey", "GET /v1/keys/{keyId}", "keys"),
            new Expected("rotateApiKey", "POST /v1/keys/{keyId}/rotate", "keys"),
            new Expected("revokeApiKey", "DELETE /v1/keys/{keyId}", "keys"),
            new Expected("createTenant", "POST /v1/tenants", "tenants"),
            new Expected("signIn", "POST /v1/console/sessions", "console"),
            new Expected("getConsoleSession", "GET /v1/console/session", "console"),
            new Expected("signOut", "DELETE /v1/console/sessions", "console"),
            new Expected("createConsoleUser", "POST /v1/console/users", "console"),
            new Expected("disableConsoleUser", "POST /v1/console/users/{userId}/disable", "console"),
            new Expected("enableConsoleUser", "POST /v1/console/users/{userId}/enable", "console"),
            new Expected("setConsoleUserPassword", "PUT /v1/console/users/{userId}/password", "console"),
            new Expected("deleteConsoleUser", "DELETE /v1/console/users/{userId}", "console"));

    @Test
    void eachPublicOperationHasItsFixedIdAndOneTag() {
        ClientDocumentationCheck.ofRunningService().assertPublicOperationsAre(OPERATIONS);
    }

    @Test
    void everyJsonBodyAndSuccessResponseHasAnExampleThatParses() {
        ClientDocumentationCheck.ofRunningService().assertEveryBodyHasAnExampleThatParses();
    }
}
