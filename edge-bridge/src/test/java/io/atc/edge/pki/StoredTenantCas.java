package io.atc.edge.pki;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.atc.testkit.postgres.TestDatabase;

/**
 * A tenant's intermediate as an attacker who got both the database (read as the owner) and the KEK
 * would have it: the worst case the name constraints and the subject-named broker clients must hold.
 */
final class StoredTenantCas {

    record Row(X509Certificate certificate, byte[] keyCiphertext, byte[] keyNonce) {}

    private StoredTenantCas() {}

    static Row read(UUID tenantId) {
        try (Connection owner = TestDatabase.shared().connectAsOwner();
                PreparedStatement query = owner.prepareStatement(
                        "select certificate, key_ciphertext, key_nonce from edge.pki_intermediates where tenant_id = ?")) {
            query.setObject(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("tenant " + tenantId + " has no intermediate");
                }
                return new Row(Pem.certificate(rows.getBytes(1)), rows.getBytes(2), rows.getBytes(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The intermediate with its key opened by the KEK. */
    static TenantCa open(UUID tenantId, KeyEncryptionKey kek) {
        Row row = read(tenantId);
        byte[] pkcs8 = kek.open(
                new KeyEncryptionKey.Sealed(row.keyNonce(), row.keyCiphertext()), TenantCas.associatedData(tenantId));
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new TenantCa(tenantId, row.certificate(), key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
