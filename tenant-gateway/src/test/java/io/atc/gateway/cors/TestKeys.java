package io.atc.gateway.cors;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/** Key rows written the way the keys-service writes them: as the service role, bound to the tenant. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private TestKeys() {}

    static UUID insert(
            TestDatabase database,
            UUID tenant,
            List<String> origins,
            OffsetDateTime expiresAt,
            OffsetDateTime revokedAt) {
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement insert = app.prepareStatement("""
                    insert into keys.api_keys (tenant_id, prefix, fingerprint, secret_hash, name, scopes,
                                               allowed_origins, expires_at, revoked_at, created_by)
                    values (?, ?, ?, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 'preflight test', array['admin'],
                            ?, ?, ?, 'test')
                    returning key_id
                    """)) {
                insert.setObject(1, tenant);
                insert.setString(2, "atc_test_" + randomBase62(12));
                insert.setString(3, HexFormat.of().formatHex(randomBytes(8)));
                insert.setArray(4, app.createArrayOf("text", origins.toArray()));
                insert.setObject(5, expiresAt);
                insert.setObject(6, revokedAt);
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    UUID keyId = rows.getObject(1, UUID.class);
                    app.commit();
                    return keyId;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void revoke(TestDatabase database, UUID tenant, UUID keyId) {
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement update =
                    app.prepareStatement("update keys.api_keys set revoked_at = now() where key_id = ?")) {
                update.setObject(1, keyId);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("no key " + keyId);
                }
            }
            app.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An origin no other test uses, so tests sharing the run's database cannot disturb each other. */
    static String uniqueOrigin(String label) {
        return "https://" + label + "-" + randomBase62(10).toLowerCase() + ".example";
    }

    private static String randomBase62(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return out.toString();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
