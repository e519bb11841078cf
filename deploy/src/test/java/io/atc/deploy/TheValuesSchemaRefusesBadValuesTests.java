package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** values.schema.json (Helm checks it before rendering) and the chart's own checks refuse bad values. */
class TheValuesSchemaRefusesBadValuesTests {

    @Test
    void tlsOnTheIngressWithoutItsSecretIsRefused() {
        assertRefused(Map.of("ingress.tls.secretName", ""), "secretName");
    }

    @Test
    void zeroReplicasAreRefused() {
        assertRefused(Map.of("gateway.replicas", 0), "replicas");
        assertRefused(Map.of("keys.replicas", 0), "replicas");
        assertRefused(Map.of("edgeBridge.replicas", 0), "replicas");
    }

    @Test
    void unknownKeysAreRefusedAtTheTopAndInside() {
        assertRefused(Map.of("gatway.replicas", 2), "gatway");
        assertRefused(Map.of("gateway.replica", 2), "replica");
        assertRefused(Map.of("database.password", "hunter2"), "password");
    }

    @Test
    void anUnknownTlsModeForTheDatabaseIsRefused() {
        assertRefused(Map.of("database.sslMode", "verify"), "sslMode");
    }

    @Test
    void plaintextToADatabaseOutsideTheClusterIsRefused() {
        assertRefused(Map.of("database.sslMode", "disable"), "host");
        assertThat(Renderings.CHART.render(
                        List.of(),
                        Map.of("database.sslMode", "disable", "database.host", "postgres.db.svc.cluster.local")))
                .contains("ATC_DB_SSL_MODE: \"disable\"");
    }

    @Test
    void severalAuditReplicasOnAReadWriteOnceCheckpointVolumeAreRefused() {
        assertRefused(
                Map.of("audit.replicas", 2, "storage.auditCheckpoints.accessModes[0]", "ReadWriteOnce"), "accessModes");
    }

    @Test
    void aMalformedDigestAndAnOutOfRangeRetentionAreRefused() {
        assertRefused(Map.of("image.digest", "sha256:xyz"), "digest");
        assertRefused(Map.of("platform.retention.defaultEventsDays", 0), "defaultEventsDays");
        assertRefused(Map.of("platform.keysEnvironment", "prod"), "keysEnvironment");
    }

    @Test
    void certManagerForTheBrokerWithoutAnIssuerIsRefused() {
        assertRefused(Map.of("broker.tls.certManager.enabled", true), "issuerRef");
    }

    @Test
    void secretsMadeByTheChartNeedEveryValue() {
        assertRefused(Map.of("secrets.create", true), "secrets.database.values.owner-password is required");
    }

    @Test
    void theRealisticValuesFilesAreAccepted() {
        for (String valuesFile : Renderings.VALUES_FILES) {
            assertThat(Renderings.of(valuesFile)).as(valuesFile).isNotEmpty();
        }
    }

    private static void assertRefused(Map<String, Object> sets, String naming) {
        assertThatThrownBy(() -> Renderings.CHART.render(List.of(), sets))
                .as("values %s", sets)
                .hasMessageContaining(naming);
    }
}
