package io.atc.edge.ingest;

import java.util.Optional;
import java.util.UUID;

/**
 * A device topic, {@code atc/<tenant>/<site>/<device>/events} or {@code .../images}, as the device
 * claims it. Only the device id is used to look the device up; the tenant and site must then match
 * the device's registration ({@link DeviceRoute}), or the message is dropped.
 */
public record IngestTopic(UUID tenantId, UUID siteId, UUID deviceId, Kind kind) {

    public enum Kind {
        EVENTS, IMAGES
    }

    public static Optional<IngestTopic> parse(String topic) {
        if (topic == null || topic.length() > 200) {
            return Optional.empty();
        }
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !levels[0].equals("atc")) {
            return Optional.empty();
        }
        Kind kind = switch (levels[4]) {
            case "events" -> Kind.EVENTS;
            case "images" -> Kind.IMAGES;
            default -> null;
        };
        Optional<UUID> tenant = Uuids.parseCanonical(levels[1]);
        Optional<UUID> site = Uuids.parseCanonical(levels[2]);
        Optional<UUID> device = Uuids.parseCanonical(levels[3]);
        if (kind == null || tenant.isEmpty() || site.isEmpty() || device.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IngestTopic(tenant.get(), site.get(), device.get(), kind));
    }

    public boolean matches(DeviceRoute route) {
        return tenantId.equals(route.tenantId()) && siteId.equals(route.siteId());
    }
}
