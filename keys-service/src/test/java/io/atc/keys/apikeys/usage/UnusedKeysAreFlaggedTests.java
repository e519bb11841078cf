package io.atc.keys.apikeys.usage;

import static io.atc.keys.apikeys.usage.KeyUsesAreRecordedCoarselyTests.get;
import static io.atc.keys.apikeys.usage.KeyUsesAreRecordedCoarselyTests.newKey;
import static io.atc.keys.apikeys.usage.KeyUsesAreRecordedCoarselyTests.report;
import static io.atc.keys.apikeys.usage.KeyUsesAreRecordedCoarselyTests.use;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An active key neither used nor created within ATC_KEYS_UNUSED_AFTER_DAYS (90 by default) is
 * flagged {@code unused} in the keys API, and {@code ?unused=true} lists exactly those keys; a use
 * clears the flag, and a revoked key is never flagged.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class UnusedKeysAreFlaggedTests {

    @Test
    void keysIdleForTheUnusedPeriodAreFlaggedAndFiltered() {
        UUID tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Idle keys org")
                .tenantId();
        String fresh = newKey(tenant, "created today");
        String oldNeverUsed = newKey(tenant, "old, never used");
        String oldUsedLately = newKey(tenant, "old, used 89 days ago");
        String oldUsedLongAgo = newKey(tenant, "old, used 91 days ago");
        String oldRevoked = newKey(tenant, "old, revoked");
        for (String key : List.of(oldNeverUsed, oldUsedLately, oldUsedLongAgo, oldRevoked)) {
            backdate(tenant, key, "created_at", 200);
        }
        backdate(tenant, oldUsedLately, "last_used_at", 89);
        backdate(tenant, oldUsedLongAgo, "last_used_at", 91);
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .delete("/v1/keys/{id}", oldRevoked)
                .then()
                .statusCode(204);

        assertThat(flag(tenant, fresh)).isFalse();
        assertThat(flag(tenant, oldNeverUsed)).isTrue();
        assertThat(flag(tenant, oldUsedLately)).isFalse();
        assertThat(flag(tenant, oldUsedLongAgo)).isTrue();
        assertThat(flag(tenant, oldRevoked)).isFalse();
        assertThat(listed(tenant, "?unused=true")).containsExactlyInAnyOrder(oldNeverUsed, oldUsedLongAgo);
        assertThat(listed(tenant, "?unused=false")).containsExactlyInAnyOrder(fresh, oldUsedLately, oldRevoked);
        assertThat(listed(tenant, "")).hasSize(5);
        assertThat(listed(tenant, "?unused=true&limit=1"))
                .as("the filter pages like the list")
                .hasSize(2);

        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/keys?unused=yes")
                .then()
                .statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("unused"));

        report(use(tenant, oldNeverUsed, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), "192.0.2.44"));

        assertThat(flag(tenant, oldNeverUsed)).as("used now").isFalse();
        assertThat(listed(tenant, "?unused=true")).containsExactly(oldUsedLongAgo);
    }

    private static boolean flag(UUID tenant, String key) {
        return get(tenant, key).getBoolean("unused");
    }

    /** Every page's ids. */
    private static List<String> listed(UUID tenant, String query) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            String url = "/v1/keys" + query + (after == null ? "" : (query.isEmpty() ? "?" : "&") + "after=" + after);
            JsonPath page = given().auth()
                    .oauth2(InternalTokens.forTenant(tenant))
                    .get(url)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (int i = 0; i < page.getList("items").size(); i++) {
                ids.add(page.getString("items[" + i + "].id"));
                if (query.contains("unused=")) {
                    assertThat(page.getBoolean("items[" + i + "].unused"))
                            .as("flag of a key listed under " + query)
                            .isEqualTo(query.contains("unused=true"));
                }
            }
            after = page.getString("next");
        } while (after != null);
        return ids;
    }

    private static void backdate(UUID tenant, String key, String column, int days) {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement update = app.prepareStatement("update keys.api_keys set " + column
                    + " = now() - make_interval(days => ?) where key_id = ?::uuid and tenant_id = ?")) {
                update.setInt(1, days);
                update.setString(2, key);
                update.setObject(3, tenant);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            app.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
