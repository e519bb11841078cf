package io.atc.edge.topics;

import java.util.Objects;
import java.util.UUID;

/**
 * A site's configuration topic, {@code atc/<tenant>/<site>/config/<kind>}: what the platform tells
 * the appliances of one site (today only its retention settings). The bridge publishes there;
 * devices only read, each its own site's.
 *
 * <p>It can never be a device topic: the third level is {@value #CONFIG_LEVEL}, never a device's
 * UUID, so a device's publish filter ({@link DeviceTopic#deviceFilter}) does not cover it, {@link
 * DeviceTopic#parse} refuses it, and its last level is none of the ingest's shared filters' ({@code
 * events}, {@code images}).
 */
public record SiteConfigTopic(UUID tenantId, UUID siteId, Kind kind) {

    static final String CONFIG_LEVEL = "config";

    /** The last level: what the topic configures. */
    public enum Kind {
        RETENTION("retention");

        private final String level;

        Kind(String level) {
            this.level = level;
        }

        public String level() {
            return level;
        }
    }

    public SiteConfigTopic {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(kind, "kind");
    }

    public static SiteConfigTopic retention(UUID tenantId, UUID siteId) {
        return new SiteConfigTopic(tenantId, siteId, Kind.RETENTION);
    }

    /** The topic name; also the exact (literal) filter a device of the site may subscribe with. */
    public String name() {
        return DeviceTopic.ROOT + "/" + tenantId + "/" + siteId + "/" + CONFIG_LEVEL + "/" + kind.level;
    }

    /**
     * This kind of every site's configuration topic, {@code atc/<+>/<+>/config/<kind>} with the
     * single-level wildcard {@code +} for tenant and site: the publisher's ACL filter.
     */
    public static String everySite(Kind kind) {
        return DeviceTopic.ROOT + "/+/+/" + CONFIG_LEVEL + "/" + kind.level;
    }
}
