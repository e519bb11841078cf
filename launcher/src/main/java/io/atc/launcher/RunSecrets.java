package io.atc.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets a local run needs and a newcomer should not have to invent: the key pepper (kept in
 * .run-data so keys stay valid across runs on the same database) and an operator credential for
 * this run. Anything set in the environment wins.
 */
final class RunSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> environment;
    private final String operatorToken;

    private RunSecrets(Map<String, String> environment, String operatorToken) {
        this.environment = environment;
        this.operatorToken = operatorToken;
    }

    static RunSecrets from(Map<String, String> env, Path runData) {
        Map<String, String> secrets = new HashMap<>();
        secrets.put(
                "ATC_KEYS_PEPPER",
                present(env, "ATC_KEYS_PEPPER") ? env.get("ATC_KEYS_PEPPER") : keptIn(runData.resolve("keys-pepper")));
        String operator = present(env, "ATC_OPERATOR_TOKEN") ? env.get("ATC_OPERATOR_TOKEN") : "atc_op_" + random(32);
        secrets.put("ATC_OPERATOR_TOKEN", operator);
        return new RunSecrets(secrets, present(env, "ATC_OPERATOR_TOKEN") ? null : operator);
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The operator credential generated for this run, to print once; empty when it was configured. */
    Optional<String> generatedOperatorToken() {
        return Optional.ofNullable(operatorToken);
    }

    private static String keptIn(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] pepper = new byte[32];
            RANDOM.nextBytes(pepper);
            String value = Base64.getEncoder().encodeToString(pepper);
            Files.writeString(file, value);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a run secret in " + file, e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return java.util.HexFormat.of().formatHex(value);
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }
}
