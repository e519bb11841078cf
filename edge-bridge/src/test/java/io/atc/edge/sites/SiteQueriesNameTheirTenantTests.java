package io.atc.edge.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.RlsBypassingTool;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every site statement names its tenant besides relying on row level security: run by a tool whose
 * role bypasses RLS, bound to tenant X, the repository lists only X's sites and can neither read,
 * rename nor delete Y's; Y's site is unchanged.
 * Breaks when: a site statement loses its {@code tenant_id} predicate (on main, without them, the
 * tool listed Y's sites and read, renamed and deleted Y's site).
 */
class SiteQueriesNameTheirTenantTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RlsBypassingTool TOOL = new RlsBypassingTool();

    private static final SiteRepository SITES = new SiteRepository();
    private static TenantTransactions asTool;
    private static SyntheticOrganisation x;
    private static SyntheticOrganisation y;

    @BeforeAll
    static void organisations() {
        asTool = new TenantTransactions(TOOL.pool());
        x = SyntheticOrganisations.create(TestDatabase.shared(), "Site tool X");
        y = SyntheticOrganisations.create(TestDatabase.shared(), "Site tool Y");
    }

    @Test
    void theToolReallyBypassesRowLevelSecurity() {
        long both = asTool.read(x.tenantId(), sql -> sql.execute(
                                "select count(*) from tenancy.sites where tenant_id = any ($1)",
                                Tuple.of(new UUID[] {x.tenantId(), y.tenantId()}))
                        .map(rows -> rows.iterator().next().getLong(0)))
                .await()
                .atMost(WAIT);
        assertThat(both).as("X's and Y's sites, seen while bound to X").isEqualTo(4);
    }

    @Test
    void listingBoundToXListsOnlyXsSites() {
        List<Site> listed = asTool.read(x.tenantId(), sql -> SITES.page(sql, null, 1000))
                .await()
                .atMost(WAIT);
        assertThat(listed).extracting(Site::id).containsExactlyInAnyOrderElementsOf(x.siteIds());
    }

    @Test
    void ysSiteCannotBeReadRenamedOrDeletedBoundToX() {
        UUID ysSite = y.siteIds().get(0);
        AuditEntry attempt = AuditEntry.of("tool", "site.tried", "site:" + ysSite);

        assertThat(asTool.read(x.tenantId(), sql -> SITES.find(sql, ysSite))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        assertThat(asTool.mutate(x.tenantId(), attempt, sql -> SITES.rename(sql, ysSite, "renamed by X"))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        assertThat(asTool.mutate(x.tenantId(), attempt, sql -> SITES.delete(sql, ysSite))
                        .await()
                        .atMost(WAIT))
                .isFalse();

        assertThat(asTool.read(y.tenantId(), sql -> SITES.find(sql, ysSite))
                        .await()
                        .atMost(WAIT))
                .hasValueSatisfying(site -> assertThat(site.name()).isEqualTo("Site tool Y Depot"));
    }
}
