package io.atc.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.core.config.DatabaseTls;
import io.atc.schema.DatabaseTargets;

/**
 * The migrator (schema's DatabaseTls, DatabaseTargets) and the services and audit-verify (platform-core's
 * DatabaseTls) read ATC_DB_SSL_MODE and ATC_DB_SSL_ROOT_CERT in two places, since schema cannot depend on
 * platform-core: for the same settings they accept or refuse alike, with the same words, and give pgjdbc
 * the same parameters. Breaks when: one of the two changes a rule alone.
 */
class VerifierAndMigratorReadTlsAlikeTests {

    private static final String URL = "postgresql://db.example:5432/atc";

    @TempDir
    Path dir;

    @Test
    void sameSettingsSameVerdictSameWordsSameJdbcParameters() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), TEST_CA);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        List<Map<String, String>> cases = new ArrayList<>();
        for (String mode : new String[] {
            null, "disable", "allow", "prefer", "require", "verify-ca", "verify-full", "VERIFY-FULL", "verify_full"
        }) {
            for (String rootCert : new String[] {
                null, "", ca.toString(), empty.toString(), dir.resolve("no").toString()
            }) {
                for (String url : new String[] {URL, URL + "?prepareThreshold=-1", URL + "?sslmode=require"}) {
                    Map<String, String> env = new LinkedHashMap<>();
                    env.put("ATC_DB_URL", url);
                    if (mode != null) {
                        env.put("ATC_DB_SSL_MODE", mode);
                    }
                    if (rootCert != null) {
                        env.put("ATC_DB_SSL_ROOT_CERT", rootCert);
                    }
                    cases.add(env);
                }
            }
        }
        for (Map<String, String> env : cases) {
            assertThat(migrator(env)).as("%s", env).isEqualTo(verifier(env));
        }
    }

    /** The refusal's words, or the pgjdbc parameters. */
    private static Object verifier(Map<String, String> env) {
        DatabaseTls tls;
        try {
            tls = DatabaseTls.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Optional<String> problem = tls.problem(env.get("ATC_DB_URL"));
        return problem.isPresent() ? problem.get() : tls.jdbcProperties();
    }

    private static Object migrator(Map<String, String> env) {
        String jdbcUrl;
        try {
            jdbcUrl = DatabaseTargets.fromEnvironment(new HashMap<>(env)).jdbcUrl();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : jdbcUrl.substring(jdbcUrl.indexOf('?') + 1).split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair[0].startsWith("ssl")) {
                parameters.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** A self-signed CA certificate (its key is not needed: nothing is signed here). */
    private static final String TEST_CA = """
            -----BEGIN CERTIFICATE-----
            MIIDGzCCAgOgAwIBAgIUKHL4ckpvyoTNY4Y2rDbhravhM+kwDQYJKoZIhvcNAQEL
            BQAwHDEaMBgGA1UEAwwRQVRDIGFsaWtlIHRlc3QgQ0EwIBcNMjYxMjA0MjMyNDE1
            WhgPMjEyNjExMTAyMzI0MTVaMBwxGjAYBgNVBAMMEUFUQyBhbGlrZSB0ZXN0IENB
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwAvlhCcj/DblLX+cQdD/
            EcnQThQ3wYpvbbzD3ty/1vHmKeQOz72LhZifk/PKpcYCniLtPoPJCPpWLw0TpgAb
            GLw/G8MuG1e4qqlaj7/oJGZ0VKMnTmPr+XdomN21L0Gh4braLcmqntMdUKBi8ufI
            SxrKfAXKZmQmyOpd3cY+oRLDJJHFoGbOBODc2tv9Vi5/NXPObId3TgoRiJfw3ge/
            BOsiXKnwfLeZj3MfIxPVlkmU6IDG/x5zRGXwtFxHHUK+Y8figBD2ON27KVATw7Zo
            snGofGnFAE+guZXtobT9w4Svw2UsDggvqZxvOFifK7FDwySIemUSBw68r19mpLUJ
            rQIDAQABo1MwUTAdBgNVHQ4EFgQUFZh24PL/5DpCkEooQvKZSoSA5/owHwYDVR0j
            BBgwFoAUFZh24PL/5DpCkEooQvKZSoSA5/owDwYDVR0TAQH/BAUwAwEB/zANBgkq
            hkiG9w0BAQsFAAOCAQEAnW+zmqQsSqQ720ZUV8Yeqht8gFdQr7OLbYvJp5Yx0U+I
            4QAP1+vpBa/ek4T3lB4JkfUjiBSxtP8fQN+Nzl+mMaqvby5btk4eE/1l45vpE7zd
            vS1Vd8r+YRAEdbxxg1XGYbbyvThaAhbTRy6QyC1NfBDSsYx0l/NiwuTT0o0j1OhS
            1GkKFoSgddmzlwKW+TziHvLwI+F6hxNwYG8L5wcTeZIdn5wc21DAhMwYARgNQ2FN
            a3iZgaJCzj8HSegvOD8BWiYuStdn5/HWmigvC3cjxRNgG6Mig70WCqV8Jrk7LOUT
            FRmzXRgGinNI9//Q0tMFgY8oh+0/S9FtffUtmUw/KQ==
            -----END CERTIFICATE-----
            """;
}
