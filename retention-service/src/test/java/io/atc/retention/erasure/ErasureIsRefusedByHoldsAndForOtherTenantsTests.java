package io.atc.retention.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.StoredHistory;
import io.atc.retention.support.StoredHistory.Stored;
import io.atc.testkit.identity.InternalTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An erasure never beats a hold, never reaches another tenant's rows, and is for admins only: each
 * refusal deletes nothing.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class ErasureIsRefusedByHoldsAndForOtherTenantsTests {

    @Inject
    BlobStore blobs;

    /**
     * Site hold on the device's site, device hold on the device, device hold on a device with rows
     * in the site: 409 naming the hold, nothing deleted; an expired hold no longer blocks.
     * Breaks when: the hold check is skipped or misses one of these coverings.
     */
    @Test
    void anActiveHoldCoveringTheTargetIsAConflictNamingItAndNothingIsDeleted() {
        StoredHistory history = StoredHistory.newTenant("Held erasure org", blobs);
        UUID device = UUID.randomUUID();
        UUID heldDevice = UUID.randomUUID();
        List<Stored> rows = history.events(history.site(0), device, 3, Duration.ofDays(1));
        List<Stored> heldRows = history.events(history.site(1), heldDevice, 2, Duration.ofDays(1));
        UUID siteHold = history.holdSite(history.site(0), null);
        UUID deviceHold = history.holdDevice(heldDevice, Instant.now().plus(Duration.ofDays(3)));
        history.holdDevice(device, Instant.now().minus(Duration.ofDays(3)));
        String token = InternalTokens.forTenant(history.tenantId(), "admin");

        erase(token, "deviceId", device)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(siteHold.toString()));
        erase(token, "deviceId", heldDevice).statusCode(409).body("detail", containsString(deviceHold.toString()));
        erase(token, "siteId", history.site(1)).statusCode(409).body("detail", containsString(deviceHold.toString()));

        rows.forEach(row -> assertThat(history.stored(row)).isTrue());
        heldRows.forEach(row -> assertThat(history.stored(row)).isTrue());
        assertThat(history.count("select count(*) from retention.runs")).isZero();
    }

    /** Breaks when: the target lookup or the deletion runs outside the caller's tenant. */
    @Test
    void anotherTenantsDeviceOrSiteIsNotFoundAndKeepsItsRows() {
        StoredHistory victim = StoredHistory.newTenant("Victim org", blobs);
        StoredHistory attacker = StoredHistory.newTenant("Attacker org", blobs);
        UUID device = UUID.randomUUID();
        List<Stored> rows = victim.events(victim.site(0), device, 3, Duration.ofDays(1));
        String token = InternalTokens.forTenant(attacker.tenantId(), "admin");

        erase(token, "deviceId", device).statusCode(404).contentType("application/problem+json");
        erase(token, "siteId", victim.site(0)).statusCode(404);

        rows.forEach(row -> assertThat(victim.stored(row)).isTrue());
        String[] storage = victim.storageAndRows(victim.site(0));
        assertThat(storage[0]).isEqualTo(storage[1]).startsWith("3,");
    }

    /** Breaks when: a scope below admin may erase, or bad input reaches Postgres. */
    @Test
    void onlyAnAdminMayEraseAndTheRequestNamesExactlyOneTargetAndAReason() {
        StoredHistory history = StoredHistory.newTenant("Erasure input org", blobs);
        List<Stored> rows = history.events(history.site(0), UUID.randomUUID(), 1, Duration.ofDays(1));
        String admin = InternalTokens.forTenant(history.tenantId(), "admin");
        String site = history.site(0).toString();

        given().auth()
                .oauth2(InternalTokens.forTenant(history.tenantId(), "retention:write", "sites:write", "devices:write"))
                .contentType("application/json")
                .body("{\"siteId\":\"" + site + "\",\"reason\":\"x\"}")
                .post("/v1/erasures")
                .then()
                .statusCode(403);
        post(admin, "{\"reason\":\"x\"}").statusCode(422);
        post(admin, "{\"siteId\":\"" + site + "\",\"deviceId\":\"" + UUID.randomUUID() + "\",\"reason\":\"x\"}")
                .statusCode(422);
        post(admin, "{\"siteId\":\"" + site + "\"}").statusCode(422).body("errors[0].field", equalTo("reason"));
        post(admin, "{\"siteId\":\"" + site + "\",\"reason\":\"" + "r".repeat(501) + "\"}")
                .statusCode(422);
        post(admin, "{\"siteId\":\"not-a-uuid\",\"reason\":\"x\"}")
                .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500)));

        rows.forEach(row -> assertThat(history.stored(row)).isTrue());
    }

    private static io.restassured.response.ValidatableResponse erase(String token, String field, UUID id) {
        return post(token, "{\"" + field + "\":\"" + id + "\",\"reason\":\"subject access request\"}");
    }

    private static io.restassured.response.ValidatableResponse post(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/v1/erasures")
                .then();
    }
}
