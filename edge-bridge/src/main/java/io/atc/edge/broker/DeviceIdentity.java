package io.atc.edge.broker;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.atc.edge.topics.DeviceTopic;
import io.atc.edge.topics.SiteConfigTopic;
import io.vertx.core.json.JsonObject;

/**
 * A device's identity at the broker: one role and one password client, both named
 * {@code d-<device id>} (the database's generated broker_username), whose only rights are to publish
 * under the device's own topic prefix and to read its site's retention settings topic, the client's logins bound to that name as client id; and,
 * while the device is enabled and holds a valid certificate, a certificate client in the same
 * role, named by the certificate's subject ({@link #certificateUsername()}).
 */
public record DeviceIdentity(UUID tenantId, UUID siteId, UUID deviceId) {

    static final String PREFIX = "d-";
    /** The O of every device certificate subject, and of the PKI's other names. */
    public static final String CERTIFICATE_ORGANISATION = "ATC Edge";

    private static final Pattern CERTIFICATE_USERNAME =
            Pattern.compile("CN=d-[0-9a-f-]{36},OU=t-[0-9a-f-]{36},O=" + Pattern.quote(CERTIFICATE_ORGANISATION));

    public String username() {
        return usernameOf(deviceId);
    }

    String role() {
        return username();
    }

    /**
     * The one client id the device's password logins are accepted under: its username. The mTLS
     * listener ({@code use_username_as_clientid}) gives a certificate login its subject as client id
     * instead, whatever the device sent. Either way no device can claim a platform identity's or
     * another device's client id, hence their sessions (docs/edge.md, "One client id per credential").
     */
    public String clientId() {
        return username();
    }

    /** The command that creates the device's password client: in its role, bound to its own client id. */
    JsonObject createPasswordClient(String password) {
        return DynsecCommands.createBoundClient(username(), clientId(), password, role());
    }

    /** The one filter the device may publish under: every topic of its own ({@link DeviceTopic#deviceFilter}). */
    public String publishFilter() {
        return DeviceTopic.deviceFilter(tenantId, siteId, deviceId);
    }

    /** The one topic the device may subscribe to and receive: its own site's retention settings. */
    public String settingsTopic() {
        return SiteConfigTopic.retention(tenantId, siteId).name();
    }

    /**
     * Exactly the device's rights: publish under its own prefix; subscribe to its site's settings
     * topic with that literal filter (no wildcard) and receive what is published there. Nothing else.
     */
    List<DynsecCommands.Acl> acls() {
        return List.of(
                new DynsecCommands.Acl("publishClientSend", publishFilter(), true),
                new DynsecCommands.Acl("subscribeLiteral", settingsTopic(), true),
                new DynsecCommands.Acl("publishClientReceive", settingsTopic(), true));
    }

    public static String usernameOf(UUID deviceId) {
        return PREFIX + deviceId;
    }

    /**
     * The username Mosquitto gives this device's certificates on the mTLS listener
     * ({@code use_subject_as_username}): the subject as OpenSSL prints it with XN_FLAG_RFC2253,
     * least significant RDN first, no spaces. Our values hold no character RFC 2253 escapes.
     * {@code MtlsDeviceCanPublishToItsOwnTopicTests} proves the form against a real broker.
     */
    public String certificateUsername() {
        return "CN=" + username() + ",OU=t-" + tenantId + ",O=" + CERTIFICATE_ORGANISATION;
    }

    /** Whether a broker client name has the form of a device's certificate client. */
    static boolean isCertificateUsername(String name) {
        return name != null && CERTIFICATE_USERNAME.matcher(name).matches();
    }

    /** The device id in a broker client or role name, if it is a device's ({@code d-<uuid>}). */
    static Optional<UUID> deviceIdOf(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(name.substring(PREFIX.length()));
            return usernameOf(id).equals(name) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
