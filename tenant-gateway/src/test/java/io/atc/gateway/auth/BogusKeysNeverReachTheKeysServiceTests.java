package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.core.keys.ApiKeyFormat;
import io.vertx.core.Vertx;

/**
 * Keys of the wrong shape, another environment or a bad checksum are refused by the gateway itself:
 * no call to the keys-service, so no argon2, whatever their number. Breaks if the format check in
 * KeyAuthenticator.authenticate is removed or moved after the cache lookup's cold path (the fake
 * keys-service then sees calls and the counter moves).
 */
class BogusKeysNeverReachTheKeysServiceTests {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static Vertx vertx;
    private static FakeKeysService keysService;
    private static GatewayReplica gateway;
    private final SecureRandom random = new SecureRandom();
    private final ApiKeyFormat format = new ApiKeyFormat(GatewayReplica.ENVIRONMENT);

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        keysService = new FakeKeysService(vertx, GatewayReplica.TOKENS.gatewayToken());
        gateway = new GatewayReplica(vertx, keysService.verifyUrl());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        keysService.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void malformedKeysAreBadFormatWithoutAnyCall() {
        String valid = format.generate().raw();
        List<String> bogus = List.of(
                new ApiKeyFormat("live").generate().raw(),
                withBrokenChecksum(valid),
                valid.substring(0, valid.length() - 1),
                valid + "0",
                valid.toUpperCase(),
                valid.replace("atc_test_", "atc_Test_"),
                " " + valid,
                valid.repeat(3),
                "x".repeat(100_000),
                "",
                "Bearer " + valid,
                "atc_test_\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662_"
                        + valid.substring(22),
                "not a key at all");

        for (String key : bogus) {
            assertThat(gateway.outcome(key)).as("outcome of a bogus key").isEqualTo(AuthOutcome.BAD_FORMAT);
        }
        assertThat(gateway.authenticator
                        .authenticate((String) null, GatewayReplica.CLIENT)
                        .await()
                        .indefinitely()
                        .outcome())
                .isEqualTo(AuthOutcome.BAD_FORMAT);
        assertThat(keysService.calls()).isZero();
        assertThat(gateway.coldVerifications()).isZero();
    }

    @Test
    void tenThousandRandomBogusKeysNeverReachTheKeysService() {
        List<String> bogus = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            bogus.add(
                    i % 2 == 0
                            ? randomString()
                            : withBrokenChecksum(format.generate().raw()));
        }

        for (String key : bogus) {
            KeyCheck check = gateway.check(key);
            assertThat(check.outcome()).isEqualTo(AuthOutcome.BAD_FORMAT);
            assertThat(check.key()).isNull();
        }
        assertThat(keysService.calls()).isZero();
        assertThat(gateway.coldVerifications()).isZero();
    }

    /** A single changed character always changes a CRC32, so the key is well-formed but its checksum is wrong. */
    private String withBrokenChecksum(String key) {
        int position = 22 + random.nextInt(32);
        char original = key.charAt(position);
        char replacement;
        do {
            replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        } while (replacement == original);
        return key.substring(0, position) + replacement + key.substring(position + 1);
    }

    private String randomString() {
        int length = random.nextInt(120);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return random.nextBoolean() ? out.toString() : "atc_test_" + out;
    }
}
