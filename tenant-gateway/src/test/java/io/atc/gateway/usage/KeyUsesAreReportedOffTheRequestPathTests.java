package io.atc.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.identity.AuthenticatedKey;
import io.atc.gateway.identity.InternalTokenMinter;
import io.atc.gateway.support.MutableClock;
import io.atc.testkit.config.ConfigMappings;
import io.atc.testkit.identity.InternalTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;

/**
 * The gateway's side of "last used": a replica reports a key at most once a minute however busy it
 * is, in batches with its own token; the queue stays bounded under a flood of distinct keys; and
 * a keys-service that is down or silent costs requests nothing: recording never waits, a report
 * gives up at its deadline, its uses are dropped and counted, and the outage is logged once,
 * without the gateway's token.
 * Breaks when: uses are reported per request, the queue grows without bound, a report waits past
 * its deadline or is retried forever, or a failure is logged per report.
 */
class KeyUsesAreReportedOffTheRequestPathTests {

    private static final InetAddress CLIENT = address("192.0.2.10");
    private static final InternalTokenMinter TOKENS = new InternalTokenMinter(
            Optional.of(InternalTokens.privateKey()),
            InternalTokens.ISSUER,
            InternalTokens.AUDIENCE,
            Duration.ofMinutes(2));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Vertx vertx;
    private FakeUsageEndpoint endpoint;
    private KeyUseReporter reporter;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        endpoint = new FakeUsageEndpoint(vertx);
        Logger.getLogger(KeyUseReporter.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(KeyUseReporter.class.getName()).removeHandler(capture);
        if (reporter != null) {
            reporter.stop();
        }
        endpoint.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aBusyKeyIsReportedOnceAMinuteWithTheGatewaysToken() throws Exception {
        reporter = reporter(endpoint.url(), 100, Duration.ofSeconds(2));
        AuthenticatedKey busy = key();
        AuthenticatedKey quiet = key();
        Instant firstUse = clock.instant();

        for (int i = 0; i < 5000; i++) {
            reporter.record(busy, CLIENT);
            clock.advance(Duration.ofMillis(10));
        }
        reporter.record(quiet, address("2001:db8:0:0::1"));
        flush();

        assertThat(endpoint.reports).singleElement().satisfies(report -> {
            assertThat(report.authorization()).isEqualTo("Bearer " + TOKENS.gatewayToken());
            assertThat(report.size()).isEqualTo(2);
        });
        FakeUsageEndpoint.Report report = endpoint.reports.get(0);
        int busyAt = report.use(0).getString("keyId").equals(busy.keyId().toString()) ? 0 : 1;
        assertThat(report.use(busyAt).getMap())
                .isEqualTo(Map.of(
                        "tenantId", busy.tenant().toString(),
                        "keyId", busy.keyId().toString(),
                        "at", firstUse.toString(),
                        "from", "192.0.2.10"));
        assertThat(report.use(1 - busyAt).getString("from")).isEqualTo("2001:db8::1");

        reporter.record(busy, CLIENT);
        flush();
        assertThat(endpoint.reports).as("still within the busy key's minute").hasSize(1);

        clock.advance(Duration.ofSeconds(11));
        reporter.record(busy, CLIENT);
        flush();
        assertThat(endpoint.reports).hasSize(2);
        assertThat(endpoint.reports.get(1).size()).isEqualTo(1);
        assertThat(counted("reported")).isEqualTo(3);
    }

    @Test
    void aFloodOfDistinctKeysKeepsTheQueueBoundedAndIsCounted() throws Exception {
        reporter = reporter(endpoint.url(), 100, Duration.ofSeconds(2));

        for (int i = 0; i < 10_000; i++) {
            reporter.record(key(), CLIENT);
        }

        assertThat(gauge()).isEqualTo(100);
        assertThat(counted("dropped")).isEqualTo(9_900);
        flush();
        assertThat(endpoint.usesReported()).isEqualTo(100);
        assertThat(gauge()).isZero();
    }

    @Test
    void largeQueuesAreSentInBatchesTheKeysServiceAccepts() throws Exception {
        reporter = reporter(endpoint.url(), 2_500, Duration.ofSeconds(2));
        for (int i = 0; i < 2_500; i++) {
            reporter.record(key(), CLIENT);
        }

        flush();

        assertThat(endpoint.reports).extracting(FakeUsageEndpoint.Report::size).containsExactly(1000, 1000, 500);
    }

    @Test
    void anUnreachableKeysServiceCostsRequestsNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        reporter = reporter("http://127.0.0.1:" + closedPort + "/internal/v1/keys/usage", 100, Duration.ofSeconds(2));

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 50; i++) {
                reporter.record(key(), CLIENT);
            }
            flush();
        }

        assertThat(counted("failed")).isEqualTo(150);
        assertThat(gauge()).as("dropped, not kept for ever").isZero();
        assertThat(warnings()).as("logged once per outage").hasSize(1);
        assertThat(warnings().get(0)).doesNotContain(TOKENS.gatewayToken()).contains("dropped");
    }

    @Test
    void aSilentKeysServiceIsGivenUpOnAtTheDeadlineWhileRequestsGoOn() throws Exception {
        endpoint.status = 0;
        Duration deadline = Duration.ofMillis(300);
        reporter = reporter(endpoint.url(), 100, deadline);
        for (int i = 0; i < 10; i++) {
            reporter.record(key(), CLIENT);
        }

        long start = System.nanoTime();
        var flushing = reporter.flush().toCompletionStage().toCompletableFuture();
        long recordStart = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            reporter.record(key(), CLIENT);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - recordStart))
                .as("recording while a report hangs")
                .isLessThan(Duration.ofMillis(200));
        flushing.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline.multipliedBy(5));
        assertThat(counted("failed")).isEqualTo(10);
        assertThat(gauge())
                .as("the uses recorded meanwhile wait for the next report")
                .isEqualTo(10);

        endpoint.status = 204;
        flush();
        assertThat(counted("reported")).isEqualTo(10);
        assertThat(logged).anyMatch(record -> record.getMessage().contains("reported again"));
    }

    private KeyUseReporter reporter(String url, int maxPending, Duration timeout) {
        GatewayConfig.Usage settings = ConfigMappings.of(
                        GatewayConfig.class,
                        Map.of(
                                "atc.gateway.keys.usage.url",
                                url,
                                "atc.gateway.keys.usage.max-pending",
                                Integer.toString(maxPending),
                                "atc.gateway.keys.usage.timeout",
                                timeout.toMillis() + "ms"))
                .keys()
                .usage();
        return new KeyUseReporter(vertx, TOKENS, settings, meters, clock);
    }

    private void flush() throws Exception {
        reporter.flush().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private double counted(String result) {
        return meters.counter(KeyUseReporter.USES, "result", result).count();
    }

    private double gauge() {
        return meters.get(KeyUseReporter.USES + ".pending").gauge().value();
    }

    private List<String> warnings() {
        return logged.stream()
                .filter(record -> record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogRecord::getMessage)
                .toList();
    }

    private static AuthenticatedKey key() {
        return new AuthenticatedKey(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "atc_test_Gd7kQ2xw9LmA",
                List.of("keys:read"),
                null,
                List.of(),
                List.of());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
