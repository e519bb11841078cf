package io.atc.gateway.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.auth.KeyCheck;
import io.atc.gateway.clientip.ClientVouchers;
import io.atc.gateway.cors.CorsDecision;
import io.atc.gateway.identity.AuthenticatedKey;
import io.atc.gateway.pipeline.CallerAddressPolicy;
import io.atc.gateway.pipeline.KeyAuthentication;
import io.atc.gateway.pipeline.KeyUseRecorder;
import io.atc.gateway.pipeline.OriginPolicy;
import io.atc.gateway.pipeline.RateLimitPolicy;
import io.atc.gateway.pipeline.SessionAuthentication;
import io.atc.gateway.ratelimit.RateDecision;
import io.atc.gateway.session.SessionCheck;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * Stand-ins for the ports the pipeline calls (key authentication, caller address, CORS, rate
 * limits, key uses), given to the pipeline in place of the real ones in tests that run with the
 * {@link WithGatewayDoubles} profile; {@link #install()} resets them for each test. Keys are looked
 * up by their exact text; the client address is the socket peer; an origin is allowed when it is
 * in the key's list.
 */
@Alternative
@Singleton
public class GatewayDoubles {

    /** A well-formed-looking key that authenticates as {@link #KEY}. */
    public static final String GOOD_KEY = "atc_test_Gd7kQ2xw9LmA_s3cr3tS3cr3tS3cr3tS3cr3tS3cr3t0aB1cD";

    public static final AuthenticatedKey KEY = key(List.of(), List.of("https://console.example.com"));

    public final Keys keys = new Keys();
    public final Addresses addresses = new Addresses();
    public final Origins origins = new Origins();
    public final Limits limits = new Limits();
    public final Uses uses = new Uses();
    public final Sessions sessions = new Sessions();

    /** The doubles the pipeline was built with, as new: each test starts from the same state. */
    public static GatewayDoubles install() {
        InstanceHandle<GatewayDoubles> installed = Arc.container().instance(GatewayDoubles.class);
        if (!installed.isAvailable()) {
            throw new IllegalStateException(
                    "the pipeline has its real ports: run the test with @TestProfile(WithGatewayDoubles.class)");
        }
        GatewayDoubles doubles = installed.get();
        doubles.keys.reset();
        doubles.origins.preflights = 0;
        doubles.limits.exhausted.clear();
        doubles.uses.admitted.clear();
        doubles.uses.failing = false;
        doubles.sessions.reset();
        return doubles;
    }

    @Produces
    KeyAuthentication keyAuthentication() {
        return keys;
    }

    @Produces
    SessionAuthentication sessionAuthentication() {
        return sessions;
    }

    @Produces
    CallerAddressPolicy callerAddressPolicy() {
        return addresses;
    }

    @Produces
    OriginPolicy originPolicy() {
        return origins;
    }

    @Produces
    RateLimitPolicy rateLimitPolicy() {
        return limits;
    }

    @Produces
    KeyUseRecorder keyUseRecorder() {
        return uses;
    }

    public static AuthenticatedKey key(List<String> cidrs, List<String> origins) {
        return new AuthenticatedKey(
                UUID.fromString("6f1c1c8e-2d0a-4a59-9a43-3f4fd7a7f0a1"),
                UUID.fromString("0b8e4d7e-51a1-4c55-b7c1-5d2f0f6b9e42"),
                "atc_test_Gd7kQ2xw9LmA",
                List.of("sites:read", "sites:write"),
                null,
                cidrs,
                origins);
    }

    /** Console sessions by their cookie value; each check remembers the method and CSRF token it was given. */
    public static final class Sessions implements SessionAuthentication {
        private final Map<String, SessionCheck> answers = new ConcurrentHashMap<>();
        public final List<String> checked = new java.util.concurrent.CopyOnWriteArrayList<>();

        void reset() {
            answers.clear();
            checked.clear();
        }

        public void accept(String session, SessionCheck check) {
            answers.put(session, check);
        }

        @Override
        public String presentedSession(MultiMap headers) {
            return io.atc.gateway.session.SessionCookies.from(headers.getAll("Cookie"));
        }

        @Override
        public Uni<SessionCheck> authenticate(String session, String method, String csrf) {
            checked.add(session + " " + method + " " + csrf);
            return Uni.createFrom()
                    .item(answers.getOrDefault(session, SessionCheck.failed(SessionCheck.Outcome.REFUSED)));
        }
    }

    /** Keys by their text: a verdict, a failure, or a verdict that arrives on a worker thread. */
    public static final class Keys implements KeyAuthentication {
        private final Map<String, Uni<KeyCheck>> answers = new ConcurrentHashMap<>();
        public volatile int calls;

        void reset() {
            answers.clear();
            calls = 0;
            accept(GOOD_KEY, KEY);
        }

        public void accept(String presented, AuthenticatedKey key) {
            answers.put(presented, Uni.createFrom().item(KeyCheck.ok(key)));
        }

        public void acceptLater(String presented, AuthenticatedKey key) {
            answers.put(
                    presented, Uni.createFrom().item(KeyCheck.ok(key)).emitOn(Infrastructure.getDefaultWorkerPool()));
        }

        public void refuse(String presented, AuthOutcome outcome) {
            answers.put(presented, Uni.createFrom().item(KeyCheck.failed(outcome)));
        }

        public void throttle(String presented, long retryAfterSeconds) {
            answers.put(presented, Uni.createFrom().item(KeyCheck.throttled(retryAfterSeconds)));
        }

        public void fail(String presented) {
            answers.put(presented, Uni.createFrom().failure(new IllegalStateException("keys-service unreachable")));
        }

        @Override
        public String presentedKey(MultiMap headers) {
            String authorization = headers.get("Authorization");
            if (authorization != null && authorization.startsWith("Bearer atc_")) {
                return authorization.substring(7);
            }
            return headers.get("X-Api-Key");
        }

        @Override
        public Uni<KeyCheck> authenticate(String presentedKey, InetAddress client) {
            calls++;
            return answers.getOrDefault(presentedKey, Uni.createFrom().item(KeyCheck.failed(AuthOutcome.UNKNOWN)));
        }
    }

    /**
     * The socket peer is the client, unless the test names another in {@value #TEST_CLIENT} (a stand-in
     * for a trusted proxy's header); an allowlist admits the client when it lists {@code <ip>/32} (or is
     * empty). Vouchers are the real ones, with a test key.
     */
    public static final class Addresses implements CallerAddressPolicy {
        public static final String TEST_CLIENT = "X-Test-Client";
        public final ClientVouchers vouchers = ClientVouchers.withKey("test signing key");

        @Override
        public InetAddress resolve(SocketAddress peer, MultiMap headers) {
            try {
                String named = headers.get(TEST_CLIENT);
                return InetAddress.getByName(named != null ? named : peer.hostAddress());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public CharSequence voucherFor(InetAddress client) {
            return vouchers.vouchFor(client);
        }

        @Override
        public InetAddress vouched(String voucher) {
            return vouchers.vouched(voucher);
        }

        @Override
        public boolean permits(List<String> cidrs, InetAddress client) {
            return cidrs.isEmpty() || cidrs.contains(client.getHostAddress() + "/32");
        }
    }

    /** Origins allowed when the key lists them; preflights answered with a marker header. */
    public static final class Origins implements OriginPolicy {
        public volatile int preflights;

        @Override
        public boolean decidePreflight(MultiMap requestHeaders, MultiMap responseHeaders) {
            preflights++;
            responseHeaders.set("Vary", "Origin").set("X-Preflight", "answered");
            return true;
        }

        @Override
        public CorsDecision check(String origin, List<String> keyAllowedOrigins) {
            if (origin == null) {
                return CorsDecision.NO_ORIGIN;
            }
            return keyAllowedOrigins.contains(origin) ? CorsDecision.ALLOWED : CorsDecision.DENIED;
        }

        @Override
        public void addAllowedOriginHeaders(String origin, MultiMap responseHeaders) {
            responseHeaders.set("Access-Control-Allow-Origin", origin);
        }
    }

    /** Keys in {@link #exhausted} are refused with a 7 s Retry-After. */
    public static final class Limits implements RateLimitPolicy {
        public final Set<UUID> exhausted = ConcurrentHashMap.newKeySet();

        @Override
        public RateDecision tryAcquire(UUID keyId, String prefix) {
            return exhausted.contains(keyId) ? RateDecision.refused(7) : RateDecision.ALLOWED;
        }
    }

    /** The keys the pipeline admitted, with their client address; {@link #failing} makes it throw instead. */
    public static final class Uses implements KeyUseRecorder {
        public final List<Admitted> admitted = new CopyOnWriteArrayList<>();
        public volatile boolean failing;

        @Override
        public void admitted(AuthenticatedKey key, InetAddress client) {
            if (failing) {
                throw new IllegalStateException("the usage queue is broken");
            }
            admitted.add(new Admitted(key, client));
        }

        public record Admitted(AuthenticatedKey key, InetAddress client) {}
    }

    public static AuthenticatedKey expired() {
        return new AuthenticatedKey(
                KEY.tenant(),
                UUID.randomUUID(),
                KEY.prefix(),
                KEY.scopes(),
                Instant.now().minusSeconds(1),
                List.of(),
                List.of());
    }
}
