package io.atc.gateway.usage;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.atc.core.startup.StartupRefusal;
import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.identity.AuthenticatedKey;
import io.atc.gateway.identity.InternalTokenMinter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Tells the keys-service when and from where keys were last used, off the request path: requests
 * only queue a key's first use in a minute ({@link KeyUses}); every {@code flush-interval} the queue
 * is sent to {@code POST /internal/v1/keys/usage} with the gateway's own internal token, in batches,
 * one report at a time, each with a hard deadline. A report the keys-service does not take
 * (unreachable, slow, an error) is dropped, not retried: it is counted, and logged once per outage;
 * the keys' next uses are reported again. Requests never wait for any of this.
 */
@Singleton
public class KeyUseReporter {

    /** Counts key uses by what became of them: {@code reported}, {@code failed} (the report was not taken), {@code dropped} (queue full). */
    public static final String USES = "atc.gateway.keys.usage";
    /** Uses in one report at most: the keys-service's own limit per request. */
    static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(KeyUseReporter.class);

    private final Vertx vertx;
    private final InternalTokenMinter tokens;
    private final String url;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final KeyUses uses;
    private final HttpClient client;
    private final Counter reported;
    private final Counter failed;
    private final Counter dropped;
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile long timer = -1;

    @Inject
    public KeyUseReporter(Vertx vertx, InternalTokenMinter tokens, GatewayConfig config, MeterRegistry meters) {
        this(vertx, tokens, config.keys().usage(), meters, Clock.systemUTC());
    }

    public KeyUseReporter(
            Vertx vertx, InternalTokenMinter tokens, GatewayConfig.Usage settings, MeterRegistry meters, Clock clock) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.url = settings.url();
        this.intervalMillis = Math.max(1, settings.flushInterval().toMillis());
        this.timeoutMillis = Math.max(1, settings.timeout().toMillis());
        this.uses = new KeyUses(settings.maxPending(), clock);
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(1).setConnectTimeout((int)
                        Math.min(Integer.MAX_VALUE, timeoutMillis)));
        this.reported = meters.counter(USES, "result", "reported");
        this.failed = meters.counter(USES, "result", "failed");
        this.dropped = meters.counter(USES, "result", "dropped");
        Gauge.builder(USES + ".pending", uses, KeyUses::pending)
                .description("Key uses waiting to be reported to the keys-service")
                .register(meters);
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent started) {
        if (!StartupRefusal.refused()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    public void start() {
        timer = vertx.setPeriodic(intervalMillis, ignored -> flush());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        client.close();
    }

    /** On the request path, after the key was admitted: queues at most, never waits and never throws. */
    public void record(AuthenticatedKey key, InetAddress client) {
        if (uses.record(key, client) == KeyUses.Outcome.DROPPED) {
            dropped.increment();
        }
    }

    /**
     * Sends what is queued, in batches of {@link #BATCH}; a flush that finds another running does
     * nothing (the queue waits for the next). Completes when every batch was answered or given up;
     * never fails.
     */
    public Future<Void> flush() {
        if (!flushing.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        List<KeyUse> queued;
        try {
            queued = uses.drain();
        } catch (RuntimeException e) {
            flushing.set(false);
            throw e;
        }
        Future<Void> done = Future.succeededFuture();
        for (int from = 0; from < queued.size(); from += BATCH) {
            List<KeyUse> batch = queued.subList(from, Math.min(queued.size(), from + BATCH));
            done = done.compose(ignored -> report(batch));
        }
        return done.andThen(ignored -> flushing.set(false));
    }

    private Future<Void> report(List<KeyUse> batch) {
        JsonArray entries = new JsonArray();
        batch.forEach(use -> entries.add(use.json()));
        Buffer body = new JsonObject().put("uses", entries).toBuffer();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .putHeader(HttpHeaders.AUTHORIZATION, tokens.gatewayAuthorization())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/problem+json");
        Future<Integer> answered;
        try {
            answered = client.request(request).compose(sent -> withDeadline(sent, body));
        } catch (RuntimeException e) {
            answered = Future.failedFuture(e);
        }
        return answered.transform(outcome -> {
            if (outcome.succeeded() && outcome.result() / 100 == 2) {
                reported.increment(batch.size());
                if (failing.compareAndSet(true, false)) {
                    LOG.info("key uses reported again (" + url + ")");
                }
            } else {
                failed.increment(batch.size());
                String reason = outcome.succeeded()
                        ? "answered HTTP " + outcome.result()
                        : outcome.cause().getClass().getSimpleName() + ": "
                                + outcome.cause().getMessage();
                // Once per outage: a keys-service down for an hour must not write a line every few seconds.
                if (failing.compareAndSet(false, true)) {
                    LOG.warn("key uses not reported (" + url + "): " + reason + "; they are dropped and counted in "
                            + USES + "{result=failed}");
                }
            }
            return Future.succeededFuture();
        });
    }

    /** The whole exchange, not just each read, must finish in time. */
    private Future<Integer> withDeadline(HttpClientRequest request, Buffer body) {
        long deadline = vertx.setTimer(
                timeoutMillis,
                ignored -> request.reset(0, new TimeoutException("no answer within " + timeoutMillis + " ms")));
        return request.send(body)
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .andThen(ignored -> vertx.cancelTimer(deadline));
    }
}
