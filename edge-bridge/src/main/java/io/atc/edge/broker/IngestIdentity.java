package io.atc.edge.broker;

import java.util.List;

import io.atc.edge.topics.DeviceTopic;

/**
 * The identity the ingest bridge connects as: it may subscribe to devices' events and images only
 * through the shared subscription group {@value #SHARE_GROUP}, may receive under
 * {@link DeviceTopic#ROOT_FILTER}, and may do nothing else (no publish, no plain subscription, no
 * unsubscribe).
 *
 * <p>Mosquitto 2.0 checks a shared subscription's ACL against the whole filter, share prefix
 * included ({@link DeviceTopic#sharedFilter}), never against the plain filter behind it, so the role
 * names the shared filters and nothing more (IngestIdentityMayOnlyReadDeviceTopicsTests).
 */
public final class IngestIdentity {

    public static final String USERNAME = "atc-ingest";
    public static final String ROLE = "atc-ingest";
    public static final String SHARE_GROUP = "atc-ingest";
    public static final String EVENTS_FILTER = DeviceTopic.sharedFilter(SHARE_GROUP, DeviceTopic.Kind.EVENTS);
    public static final String IMAGES_FILTER = DeviceTopic.sharedFilter(SHARE_GROUP, DeviceTopic.Kind.IMAGES);

    static final List<DynsecCommands.Acl> ACLS = List.of(
            new DynsecCommands.Acl("subscribePattern", EVENTS_FILTER, true),
            new DynsecCommands.Acl("subscribePattern", IMAGES_FILTER, true),
            new DynsecCommands.Acl("publishClientReceive", DeviceTopic.ROOT_FILTER, true));

    private IngestIdentity() {}
}
