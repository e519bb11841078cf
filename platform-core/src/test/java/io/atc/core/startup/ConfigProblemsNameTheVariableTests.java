package io.atc.core.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;

/**
 * A configuration Quarkus rejects before any start-up check runs is reported as the variable an operator
 * sets and what is wrong with it, one problem each, in the one ATC-STARTUP-CONFIG line.
 */
class ConfigProblemsNameTheVariableTests {

    @Test
    void aBoundNamesTheEnvironmentVariable() {
        assertThat(StartupExitHandler.problem("atc.gateway.clientIp.max-hops must be less than or equal to 100"))
                .isEqualTo("ATC_GATEWAY_CLIENT_IP_MAX_HOPS: must be less than or equal to 100");
    }

    @Test
    void aConversionFailureNamesTheEnvironmentVariable() {
        assertThat(StartupExitHandler.problem("SRCFG00039: The config property atc.keys.argon2.memory-kib with the"
                        + " config value \"lots\" threw an Exception whilst being converted"))
                .isEqualTo("ATC_KEYS_ARGON2_MEMORY_KIB: The config property ATC_KEYS_ARGON2_MEMORY_KIB with the"
                        + " config value \"lots\" threw an Exception whilst being converted");
    }

    @Test
    void mapKeysAndIndexesBecomePartsOfTheName() {
        assertThat(StartupExitHandler.environmentName("atc.gateway.routes.\"keys\".paths[0]"))
                .isEqualTo("ATC_GATEWAY_ROUTES_KEYS_PATHS");
    }

    @Test
    void everyProblemOfAValidationFailureIsKept() {
        ConfigValidationException invalid = new ConfigValidationException(new ConfigValidationException.Problem[] {
            new ConfigValidationException.Problem("atc.keys.argon2.iterations must be greater than or equal to 2"),
            new ConfigValidationException.Problem("atc.keys.argon2.parallelism must be greater than or equal to 1")
        });
        assertThat(StartupExitHandler.configProblems(new RuntimeException(invalid)))
                .containsExactly(
                        "ATC_KEYS_ARGON2_ITERATIONS: must be greater than or equal to 2",
                        "ATC_KEYS_ARGON2_PARALLELISM: must be greater than or equal to 1");
    }

    @Test
    void quarkusReportIsReadLineByLine() {
        ConfigurationException report = new ConfigurationException(
                "Configuration validation failed:\n\tatc.edge.ingest.blob-writers must be greater than or equal to 1");
        assertThat(StartupExitHandler.configProblems(report))
                .containsExactly("ATC_EDGE_INGEST_BLOB_WRITERS: must be greater than or equal to 1");
    }

    @Test
    void otherFailuresAreLeftToQuarkus() {
        assertThat(StartupExitHandler.configProblems(new IllegalStateException("port in use")))
                .isEmpty();
        assertThat(StartupExitHandler.configProblems(null)).isEmpty();
    }
}
