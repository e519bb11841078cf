package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The private key the API generates for a device appears in its response and nowhere in the
 * database; a tenant intermediate's private key is in the database only sealed under the KEK. Every
 * row of every table is read as a superuser (no row level security), as text, and searched for each
 * encoding a key could be stored in.
 * Breaks when: a generated key or an intermediate key is written in clear anywhere, audit payload
 * included (checked by adding the device key's PEM to the issue audit entry: the scan finds it).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class PrivateKeysAreNeverStoredInClearTests {

    @Test
    void generatedDeviceKeyIsNowhereInTheDatabase() throws SQLException {
        SyntheticOrganisation a =
                SyntheticOrganisations.in(TestDatabase.shared()).a();
        RegisteredDevice device = DeviceApi.registerAt(a, 0);

        JsonPath issued = DeviceCertificatesApi.issue(device);

        PrivateKey key = Pem.readPrivateKey(issued.getString("privateKey"));
        String database = everyRowAsText();
        assertThat(database).as("sanity: the scan sees the certificate itself").contains(issued.getString("serial"));
        for (String encoding : encodings(key)) {
            assertThat(database).doesNotContain(encoding);
        }
    }

    @Test
    void intermediateKeyIsStoredOnlySealedUnderTheKek() throws SQLException {
        SyntheticOrganisation a =
                SyntheticOrganisations.in(TestDatabase.shared()).a();
        DeviceCertificatesApi.issue(DeviceApi.registerAt(a, 0));

        StoredTenantCas.Row stored = StoredTenantCas.read(a.tenantId());
        TenantCa opened =
                StoredTenantCas.open(a.tenantId(), TestPkiMaterial.shared().kek());

        assertThat(CertificateSigning.pairs(opened.key(), stored.certificate().getPublicKey()))
                .as("what the KEK opens is the intermediate's key")
                .isTrue();
        assertThat(Arrays.equals(stored.keyCiphertext(), opened.key().getEncoded()))
                .isFalse();
        String database = everyRowAsText();
        for (String encoding : encodings(opened.key())) {
            assertThat(database).doesNotContain(encoding);
        }
        KeyEncryptionKey.Sealed sealed = new KeyEncryptionKey.Sealed(stored.keyNonce(), stored.keyCiphertext());
        assertThat(catchThrowable(
                        () -> KeyEncryptionKey.generate().open(sealed, TenantCas.associatedData(a.tenantId()))))
                .as("another KEK does not open it")
                .isInstanceOf(IllegalStateException.class);
        UUID otherTenant = SyntheticOrganisations.in(TestDatabase.shared()).b().tenantId();
        assertThat(catchThrowable(
                        () -> TestPkiMaterial.shared().kek().open(sealed, TenantCas.associatedData(otherTenant))))
                .as("moved to another tenant's row, it does not open")
                .isInstanceOf(IllegalStateException.class);
    }

    /** The ways a key could be stored: DER as bytea (hex), base64, a PEM line, the bare EC scalar in hex. */
    private static List<String> encodings(PrivateKey key) {
        byte[] der = key.getEncoded();
        List<String> encodings = new ArrayList<>();
        encodings.add(HexFormat.of().formatHex(der));
        encodings.add(Base64.getEncoder().encodeToString(der));
        encodings.add(Pem.privateKey(key).lines().skip(1).findFirst().orElseThrow());
        if (key instanceof ECPrivateKey ec) {
            encodings.add(HexFormat.of().formatHex(ec.getS().toByteArray()).replaceFirst("^00", ""));
        }
        return encodings;
    }

    private static String everyRowAsText() throws SQLException {
        TestDatabase database = TestDatabase.shared();
        StringBuilder text = new StringBuilder();
        try (Connection admin = DriverManager.getConnection(
                        database.server().jdbcUrl(database.name()),
                        database.server().adminUser(),
                        database.server().adminPassword());
                Statement sql = admin.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("""
                    select format('%I.%I', n.nspname, c.relname) from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                     where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                       and n.nspname not like 'pg\\_%'
                    """)) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("edge.device_certificates", "edge.pki_intermediates", "audit.events");
            for (String table : tables) {
                try (ResultSet rows = sql.executeQuery("select t::text from " + table + " t")) {
                    while (rows.next()) {
                        text.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
