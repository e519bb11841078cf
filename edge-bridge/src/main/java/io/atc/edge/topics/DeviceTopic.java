package io.atc.edge.topics;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.atc.edge.ids.Uuids;

/**
 * A device topic, {@code atc/<tenant>/<site>/<device>/events} or {@code .../images}: the one home of
 * the topic format. It builds the topics a device publishes to and the filters that name them at the
 * broker (ACL patterns, the ingest's subscriptions), and parses a received topic name. A parsed topic
 * is what the device claims; the ingest trusts only the device id in it and checks the tenant and site
 * against the device's registration.
 */
public record DeviceTopic(UUID tenantId, UUID siteId, UUID deviceId, Kind kind) {

    static final String ROOT = "atc";
    private static final int LEVELS = 5;
    /** No valid name comes near this; longer ones are refused before they are split. */
    private static final int MAX_LENGTH = 200;

    /** {@code atc/#}: every topic under the device topics' root. */
    public static final String ROOT_FILTER = ROOT + "/#";

    /** The last level of a device topic: what the device publishes there. */
    public enum Kind {
        EVENTS("events"),
        IMAGES("images");

        private final String level;

        Kind(String level) {
            this.level = level;
        }

        public String level() {
            return level;
        }

        public static Optional<Kind> ofLevel(String level) {
            for (Kind kind : values()) {
                if (kind.level.equals(level)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public DeviceTopic {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
    }

    public static DeviceTopic events(UUID tenantId, UUID siteId, UUID deviceId) {
        return new DeviceTopic(tenantId, siteId, deviceId, Kind.EVENTS);
    }

    public static DeviceTopic images(UUID tenantId, UUID siteId, UUID deviceId) {
        return new DeviceTopic(tenantId, siteId, deviceId, Kind.IMAGES);
    }

    /** The topic name the device publishes to. */
    public String name() {
        return deviceLevels(tenantId, siteId, deviceId) + "/" + kind.level;
    }

    /** Whether the topic names this tenant and site (a device may only publish under its own). */
    public boolean isUnder(UUID tenant, UUID site) {
        return tenantId.equals(tenant) && siteId.equals(site);
    }

    /** {@code atc/<tenant>/<site>/<device>/#}: every topic of one device, the one filter it may publish under. */
    public static String deviceFilter(UUID tenantId, UUID siteId, UUID deviceId) {
        return deviceLevels(tenantId, siteId, deviceId) + "/#";
    }

    /**
     * {@code $share/<group>/atc/+/+/+/<kind>}: one kind of every device's topics, as a shared
     * subscription of {@code group}. Mosquitto checks a shared subscription's ACL against this whole
     * filter, share prefix included, so the same string is both the subscription and its ACL pattern.
     */
    public static String sharedFilter(String group, Kind kind) {
        return "$share/" + group + "/" + ROOT + "/+/+/+/" + kind.level;
    }

    /**
     * The device topic a received name stands for, or empty unless the name has exactly the form
     * {@code atc/<tenant>/<site>/<device>/<kind>} with canonical UUIDs (wildcards, empty or extra
     * levels, other roots and overlong names are refused).
     */
    public static Optional<DeviceTopic> parse(String name) {
        if (name == null || name.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] levels = name.split("/", -1);
        if (levels.length != LEVELS || !levels[0].equals(ROOT)) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.ofLevel(levels[4]);
        Optional<UUID> tenant = Uuids.parseCanonical(levels[1]);
        Optional<UUID> site = Uuids.parseCanonical(levels[2]);
        Optional<UUID> device = Uuids.parseCanonical(levels[3]);
        if (kind.isEmpty() || tenant.isEmpty() || site.isEmpty() || device.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceTopic(tenant.get(), site.get(), device.get(), kind.get()));
    }

    private static String deviceLevels(UUID tenantId, UUID siteId, UUID deviceId) {
        return ROOT + "/" + tenantId + "/" + siteId + "/" + deviceId;
    }
}
