package io.atc.edge.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.history.EventRepository.PageQuery;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every page of a site's events, with any filters and after any position, is one range scan of
 * events_by_site_occurred_desc that starts at the position (an index condition, not a filter over
 * every newer row) and needs no sort, even as a generic plan, which a prepared statement soon uses.
 * Breaks when: the statement's order differs from the index's, the position is written so that the
 * index cannot start at it (an "is null or" form), or the index is dropped.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class EventPagesReadTheKeysetIndexTests {

    @Test
    void aPageIsARangeScanOfTheKeysetIndexStartingAtItsPosition() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Planned org");
        UUID site = org.siteIds().get(0);
        EventPosition position =
                new EventPosition(OffsetDateTime.parse("2026-03-01T12:00:00Z"), UUID.randomUUID(), UUID.randomUUID());
        List<EventFilter> filters = List.of(
                new EventFilter(null, null, null, null),
                new EventFilter(
                        OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                        OffsetDateTime.parse("2026-04-01T00:00:00Z"),
                        UUID.randomUUID(),
                        "motion"));
        for (EventFilter filter : filters) {
            String plan = genericPlan(org.tenantId(), PageQuery.of(org.tenantId(), site, filter, position, 51));
            assertThat(plan)
                    .as(filter.toString())
                    .contains("Index Scan using events_by_site_occurred_desc")
                    .containsPattern("Index Cond: .*ROW\\(occurred_at, device_id, event_id\\) < ROW\\(")
                    .doesNotContain("Sort");
        }
    }

    /** The parameters' SQL types, stated, as PREPARE takes them. */
    private static List<String> types(PageQuery query) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < query.parameters().size(); i++) {
            Object value = query.parameters().getValue(i);
            types.add(
                    value instanceof UUID
                            ? "uuid"
                            : value instanceof OffsetDateTime
                                    ? "timestamptz"
                                    : value instanceof Integer ? "int" : "text");
        }
        return types;
    }

    /**
     * The plan Postgres makes once for every execution of the statement. The simple query protocol,
     * because through the extended one the driver's own parameters would claim the statement's $n.
     */
    private static String genericPlan(UUID tenant, PageQuery query) {
        TestDatabase database = TestDatabase.shared();
        Properties properties = new Properties();
        properties.setProperty("user", database.target().appUser());
        properties.setProperty("password", database.target().appPassword());
        properties.setProperty("preferQueryMode", "simple");
        List<String> types = types(query);
        StringJoiner arguments = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < types.size(); i++) {
            String literal = String.valueOf(query.parameters().getValue(i)).replace("'", "''");
            arguments.add("'" + literal + "'::" + types.get(i));
        }
        List<String> lines = new ArrayList<>();
        try (Connection app = DriverManager.getConnection(database.target().jdbcUrl(), properties)) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (Statement statement = app.createStatement()) {
                statement.execute("set local plan_cache_mode = force_generic_plan");
                statement.execute("set local enable_seqscan = off");
                statement.execute("prepare page(" + String.join(", ", types) + ") as " + query.sql());
                try (ResultSet rows = statement.executeQuery("explain execute page" + arguments)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
            app.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return String.join("\n", lines);
    }
}
