package io.atc.edge.ingest;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.atc.edge.config.EdgeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ingest's registry: which tenant and site each device belongs to, and whether it is enabled,
 * read through edge.device_directory() (the one cross-tenant read the bridge has) and kept in
 * memory. {@link DeviceChangeListener} reloads it when it (re)subscribes and refreshes a device
 * when its row changes. A device it does not know is looked up once, then remembered as unknown
 * for a while (until a change notification names it), so a stream from a deleted device costs
 * one query, not one per message.
 */
@ApplicationScoped
public class DeviceDirectory {

    private final CrossTenantReads reads;
    private final long unknownTtlNanos;
    private volatile Map<UUID, DeviceRoute> routes = new ConcurrentHashMap<>();
    private final Map<UUID, Long> unknownUntil = new ConcurrentHashMap<>();
    private final Map<UUID, Uni<Optional<DeviceRoute>>> lookups = new ConcurrentHashMap<>();
    private final Set<UUID> changedDuringReload = ConcurrentHashMap.newKeySet();
    private volatile boolean reloading;
    private volatile boolean loaded;

    public DeviceDirectory(CrossTenantReads reads, EdgeConfig config) {
        this.reads = reads;
        this.unknownTtlNanos = config.ingest().unknownDeviceTtl().toNanos();
    }

    /** True once the whole directory has been read at least once. */
    public boolean loaded() {
        return loaded;
    }

    /** The device's route if it is in memory; null means "ask {@link #lookup}". */
    public DeviceRoute cached(UUID deviceId) {
        return routes.get(deviceId);
    }

    /** Reads the device from the database, unless it was found unknown moments ago; concurrent asks share one query. */
    public Uni<Optional<DeviceRoute>> lookup(UUID deviceId) {
        DeviceRoute known = routes.get(deviceId);
        if (known != null) {
            return Uni.createFrom().item(Optional.of(known));
        }
        Long until = unknownUntil.get(deviceId);
        if (until != null && until - System.nanoTime() > 0) {
            return Uni.createFrom().item(Optional.empty());
        }
        return lookups.computeIfAbsent(deviceId, id -> readOne(id)
                .onTermination()
                .invoke(() -> lookups.remove(id))
                .memoize()
                .indefinitely());
    }

    /** Replaces the whole directory; devices whose change was notified while it was being read are read again after it. */
    public Uni<Void> reload() {
        reloading = true;
        changedDuringReload.clear();
        return reads.read(CrossTenantRead.DEVICE_DIRECTORY)
                .invoke(rows -> {
                    Map<UUID, DeviceRoute> fresh = new ConcurrentHashMap<>();
                    rows.forEach(row -> fresh.put(row.getUUID("device_id"), route(row)));
                    routes = fresh;
                    unknownUntil.clear();
                    loaded = true;
                })
                .onTermination()
                .invoke(() -> reloading = false)
                .flatMap(rows -> refreshAll(drainChangedDuringReload()));
    }

    /** A device's row changed (or is gone): read it again. */
    public Uni<Void> refresh(UUID deviceId) {
        if (reloading) {
            changedDuringReload.add(deviceId);
        }
        unknownUntil.remove(deviceId);
        return readOne(deviceId).replaceWithVoid();
    }

    private Set<UUID> drainChangedDuringReload() {
        Set<UUID> changed = new HashSet<>(changedDuringReload);
        changedDuringReload.removeAll(changed);
        return changed;
    }

    private Uni<Void> refreshAll(Set<UUID> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join()
                .all(deviceIds.stream().map(this::refresh).toList())
                .andFailFast()
                .replaceWithVoid();
    }

    private Uni<Optional<DeviceRoute>> readOne(UUID deviceId) {
        return reads.read(CrossTenantRead.DEVICE_ROUTE, Tuple.of(deviceId)).map(rows -> {
            if (rows.iterator().hasNext()) {
                DeviceRoute route = route(rows.iterator().next());
                routes.put(deviceId, route);
                unknownUntil.remove(deviceId);
                return Optional.of(route);
            }
            routes.remove(deviceId);
            unknownUntil.put(deviceId, System.nanoTime() + unknownTtlNanos);
            return Optional.empty();
        });
    }

    private static DeviceRoute route(Row row) {
        return new DeviceRoute(
                row.getUUID("device_id"), row.getUUID("tenant_id"), row.getUUID("site_id"), row.getBoolean("enabled"));
    }
}
