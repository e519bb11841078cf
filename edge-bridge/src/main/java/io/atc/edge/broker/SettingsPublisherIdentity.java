package io.atc.edge.broker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.atc.edge.topics.SiteConfigTopic;

/**
 * The identity the bridge publishes sites' retention settings as: its one right is to publish to
 * every site's settings topic ({@link SiteConfigTopic#everySite}); it may not subscribe, receive, or
 * publish anywhere else (SettingsPublisherMayOnlyPublishSettingsTests). Neither the admin (whose
 * role may not publish outside {@code $CONTROL}) nor the ingest identity (which may only read device
 * topics) publishes settings.
 *
 * <p>Its password is derived from the admin password (HMAC-SHA-256, a fixed label), so every replica
 * knows it without a new secret to deploy: whoever holds the admin password can already create any
 * client, so the derivation gives nobody a right they lack, and the derived password reveals
 * nothing of the admin's. Changing the admin password changes it; the bootstrap then sets the new one.
 */
public final class SettingsPublisherIdentity {

    public static final String USERNAME = "atc-settings-publisher";
    public static final String ROLE = "atc-settings-publisher";

    static final List<DynsecCommands.Acl> ACLS = List.of(new DynsecCommands.Acl(
            "publishClientSend", SiteConfigTopic.everySite(SiteConfigTopic.Kind.RETENTION), true));

    private static final String LABEL = "atc settings publisher password v1";

    private SettingsPublisherIdentity() {}

    public static String password(String adminPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(adminPassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] derived = mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
