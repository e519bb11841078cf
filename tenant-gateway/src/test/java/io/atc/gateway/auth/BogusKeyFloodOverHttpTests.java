package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.PublicPortForRestAssured;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 10,000 HTTP requests through the real pipeline, each with a different random bogus key (random
 * text, and well-formed keys of this environment whose checksum is broken): every one is answered
 * 401 problem+json, none is a 5xx, and not one reaches the keys-service, so none costs an argon2
 * verification. Breaks when: the cheap rejection is skipped or moved after a keys-service call, or
 * a malformed key makes the pipeline fail.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class BogusKeyFloodOverHttpTests {

    private static final int REQUESTS = 10_000;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Inject
    MeterRegistry meters;

    @Test
    void tenThousandBogusKeysAreRefusedWithoutOneColdVerificationOrServerError() throws Exception {
        double coldBefore = coldVerifications();
        SecureRandom random = new SecureRandom();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            String key = i % 2 == 0 ? randomText(random) : wellFormedWithBrokenChecksum(random);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + PublicPortForRestAssured.publicPort() + "/v1/sites"))
                    .timeout(Duration.ofSeconds(10))
                    .header(i % 3 == 0 ? "X-Api-Key" : "Authorization", i % 3 == 0 ? key : "Bearer " + key)
                    .build();
            inFlight.acquire();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 401) {
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }

        assertThat(statuses).as("statuses").containsExactly(Map.entry(401, REQUESTS));
        assertThat(coldVerifications() - coldBefore)
                .as("keys-service calls (each one an argon2 verification)")
                .isZero();
    }

    private double coldVerifications() {
        return meters.find(KeyAuthenticator.COLD_VERIFICATIONS).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static String randomText(SecureRandom random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(120);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    /** atc_test_<12>_<32 secret><6 crc> with a checksum that does not match (this deployment's env is test). */
    private static String wellFormedWithBrokenChecksum(SecureRandom random) {
        return "atc_test_" + base62(random, 12) + "_" + base62(random, 38);
    }

    private static String base62(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return text.toString();
    }
}
