package io.atc.gateway.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.identity.InternalTokenMinter;
import io.atc.testkit.config.ConfigMappings;
import io.atc.testkit.identity.InternalTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The key-authentication part of one gateway replica, built by hand: its own authenticator, caches,
 * keys-service client, meters and (when given a database) its own key-change listener.
 */
final class GatewayReplica implements AutoCloseable {

    static final String ENVIRONMENT = "test";
    /** The client address of {@link #check} and {@link #checkLater(String)}. */
    static final InetAddress CLIENT = address("192.0.2.10");

    static final InternalTokenMinter TOKENS = new InternalTokenMinter(
            java.util.Optional.of(InternalTokens.privateKey()),
            InternalTokens.ISSUER,
            InternalTokens.AUDIENCE,
            Duration.ofMinutes(2));

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final KeysServiceClient keysService;
    final KeyAuthenticator authenticator;
    final List<KeyChanged> announced = new CopyOnWriteArrayList<>();
    private KeyChangeListener listener;

    GatewayReplica(Vertx vertx, String verifyUrl, GatewayConfig.Keys limits, Duration verifyTimeout, Clock clock) {
        keysService = new KeysServiceClient(
                vertx, TOKENS, verifyUrl, verifyTimeout, limits.maxColdVerifications() + limits.maxRefreshes());
        authenticator = new KeyAuthenticator(new ApiKeyFormat(ENVIRONMENT), keysService, limits, meters, clock);
    }

    GatewayReplica(Vertx vertx, String verifyUrl) {
        this(vertx, verifyUrl, limits(4, 16), Duration.ofSeconds(3), Clock.systemUTC());
    }

    static GatewayConfig.Keys limits(int maxColdVerifications, int queue) {
        return limits(Map.of(
                "atc.gateway.keys.max-cold-verifications", Integer.toString(maxColdVerifications),
                "atc.gateway.keys.cold-verification-queue", Integer.toString(queue)));
    }

    static GatewayConfig.Keys limits(Map<String, String> settings) {
        return ConfigMappings.of(GatewayConfig.class, settings).keys();
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** Starts this replica's own LISTEN connection (returns at once; see {@link KeyChangeListener#listening()}). */
    GatewayReplica listening(Vertx vertx, PgConnectOptions database, Duration maxBackoff, Duration ping) {
        listener = new KeyChangeListener(vertx, database, authenticator, TOKENS, announced::add, maxBackoff, ping);
        listener.start();
        return this;
    }

    boolean isListening() {
        return listener != null && listener.listening();
    }

    KeyCheck check(String presented) {
        return checkLater(presented).await().atMost(Duration.ofSeconds(10));
    }

    AuthOutcome outcome(String presented) {
        return check(presented).outcome();
    }

    Uni<KeyCheck> checkLater(String presented) {
        return authenticator.authenticate(presented, CLIENT);
    }

    Uni<KeyCheck> checkLater(String presented, InetAddress client) {
        return authenticator.authenticate(presented, client);
    }

    double coldVerifications() {
        return meters.find(KeyAuthenticator.COLD_VERIFICATIONS).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    double coldVerifications(AuthOutcome result) {
        return meters.counter(KeyAuthenticator.COLD_VERIFICATIONS, "result", result.tag())
                .count();
    }

    double refreshes() {
        return meters.find(KeyAuthenticator.REFRESHES).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    double refreshes(AuthOutcome result) {
        return meters.counter(KeyAuthenticator.REFRESHES, "result", result.tag())
                .count();
    }

    long resyncs() {
        return announced.stream().filter(KeyChanged::everything).count();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.stop();
        }
        keysService.close();
    }
}
