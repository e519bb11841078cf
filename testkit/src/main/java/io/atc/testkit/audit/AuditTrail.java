package io.atc.testkit.audit;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.atc.testkit.http.ManagementInterface;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.restassured.path.json.JsonPath;

/** What tests need to prove that every mutation is audited. */
public final class AuditTrail {

    private static final Set<String> MUTATING = Set.of("post", "put", "patch", "delete");

    private AuditTrail() {}

    /** How many events the tenant's chain holds, read as the service role in the tenant's transaction. */
    public static long eventCount(UUID tenant) {
        return SyntheticOrganisations.countAsTenant(tenant, "select count(*) from audit.events");
    }

    /** Every POST, PUT, PATCH and DELETE the running service declares in its OpenAPI document, as "METHOD /path". */
    public static Set<String> declaredMutatingOperations() {
        JsonPath openApi = ManagementInterface.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(MUTATING::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }
}
