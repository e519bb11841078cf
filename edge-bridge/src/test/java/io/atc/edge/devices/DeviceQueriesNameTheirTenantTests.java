package io.atc.edge.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/**
 * Every device statement names its tenant besides relying on row level security: run by a tool
 * whose role bypasses RLS, bound to tenant X, the repository lists only X's devices, finds no
 * device and no site of Y's, cannot register a device at Y's site, and cannot change, lock or
 * delete Y's device; Y's device is unchanged. ({@code SiteQueriesNameTheirTenantTests} shows the
 * tool does bypass RLS.)
 * Breaks when: a device statement loses its {@code tenant_id} predicate (on main, without them,
 * the tool listed, read, disabled and deleted Y's device).
 */
class DeviceQueriesNameTheirTenantTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RlsBypassingTool TOOL = new RlsBypassingTool();

    private static final DeviceRepository DEVICES = new DeviceRepository();
    private static TenantTransactions asTool;
    private static SyntheticOrganisation x;
    private static SyntheticOrganisation y;
    private static Device xsDevice;
    private static Device ysDevice;

    @BeforeAll
    static void organisationsWithADeviceEach() {
        asTool = new TenantTransactions(TOOL.pool());
        x = SyntheticOrganisations.create(TestDatabase.shared(), "Device tool X");
        y = SyntheticOrganisations.create(TestDatabase.shared(), "Device tool Y");
        xsDevice = register(x, "X camera");
        ysDevice = register(y, "Y camera");
    }

    @Test
    void listingBoundToXListsOnlyXsDevices() {
        assertThat(asTool.read(x.tenantId(), sql -> DEVICES.page(sql, ysDevice.siteId(), null, 100))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        assertThat(asTool.read(x.tenantId(), sql -> DEVICES.page(sql, xsDevice.siteId(), null, 100))
                        .await()
                        .atMost(WAIT))
                .extracting(Device::id)
                .containsExactly(xsDevice.id());
    }

    @Test
    void ysSiteAndDeviceAreNotFoundBoundToX() {
        assertThat(asTool.read(x.tenantId(), sql -> DEVICES.siteExists(sql, ysDevice.siteId()))
                        .await()
                        .atMost(WAIT))
                .isFalse();
        assertThat(asTool.read(x.tenantId(), sql -> DEVICES.find(sql, ysDevice.siteId(), ysDevice.id()))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
    }

    @Test
    void ysDeviceCannotBeChangedOrDeletedNorItsSiteUsedBoundToX() {
        UUID site = ysDevice.siteId();
        UUID device = ysDevice.id();
        AuditEntry attempt = AuditEntry.of("tool", "device.tried", "device:" + device);

        assertThat(asTool.mutate(x.tenantId(), attempt, sql -> DEVICES.insert(sql, site, "planted by X"))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        assertThat(asTool.mutate(x.tenantId(), attempt, sql -> DEVICES.findForUpdate(sql, site, device))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        assertThat(asTool.mutate(x.tenantId(), attempt, sql -> DEVICES.update(sql, site, device, "renamed by X", false))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        assertThat(asTool.mutate(x.tenantId(), attempt, sql -> DEVICES.delete(sql, site, device))
                        .await()
                        .atMost(WAIT))
                .isEmpty();

        assertThat(asTool.read(y.tenantId(), sql -> DEVICES.find(sql, site, device))
                        .await()
                        .atMost(WAIT))
                .hasValueSatisfying(unchanged -> assertThat(unchanged).isEqualTo(ysDevice));
        assertThat(asTool.read(y.tenantId(), sql -> DEVICES.page(sql, site, null, 100))
                        .await()
                        .atMost(WAIT))
                .extracting(Device::id)
                .containsExactly(device);
    }

    private static Device register(SyntheticOrganisation organisation, String name) {
        return asTool.mutate(
                        organisation.tenantId(),
                        AuditEntry.of("tool", "device.seeded", "site"),
                        sql -> DEVICES.insert(sql, organisation.siteIds().get(0), name))
                .await()
                .atMost(WAIT)
                .orElseThrow();
    }
}
