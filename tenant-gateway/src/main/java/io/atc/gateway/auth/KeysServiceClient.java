package io.atc.gateway.auth;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.atc.core.keys.ParsedApiKey;
import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.identity.InternalTokenMinter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Asks the keys-service about a key it has not seen yet: {@code POST /internal/v1/keys/verify} with the
 * gateway's own internal token, non-blocking, with a hard deadline. Any failure to get a sensible
 * answer (unreachable, 5xx, timeout, nonsense) is {@link AuthOutcome#UNAVAILABLE}; it never fails the Uni.
 * The key travels only in the request body and is never logged.
 */
@ApplicationScoped
public class KeysServiceClient {

    private static final Logger LOG = Logger.getLogger(KeysServiceClient.class);

    private final Vertx vertx;
    private final InternalTokenMinter tokens;
    private final String verifyUrl;
    private final long timeoutMillis;
    private final HttpClient client;
    private final AtomicBoolean failing = new AtomicBoolean();

    @Inject
    public KeysServiceClient(Vertx vertx, InternalTokenMinter tokens, GatewayConfig config) {
        this(
                vertx,
                tokens,
                config.keys().verifyUrl(),
                config.keys().verifyTimeout(),
                config.keys().maxColdVerifications() + config.keys().maxRefreshes());
    }

    public KeysServiceClient(
            Vertx vertx, InternalTokenMinter tokens, String verifyUrl, Duration timeout, int maxConnections) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.verifyUrl = verifyUrl;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(Math.max(1, maxConnections))
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis)));
    }

    public Uni<KeyCheck> verify(ParsedApiKey key) {
        return Uni.createFrom()
                .completionStage(() -> exchange(key).toCompletionStage())
                .onItem()
                .invoke(this::recovered)
                .onFailure()
                .recoverWithItem(this::unavailable);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Future<KeyCheck> exchange(ParsedApiKey key) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(verifyUrl)
                .putHeader(HttpHeaders.AUTHORIZATION, tokens.gatewayAuthorization())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        Buffer body = new JsonObject().put("key", key.raw()).toBuffer();
        return client.request(request).compose(sent -> withDeadline(sent, body)).map(answer -> {
            if (answer.status() != 200) {
                throw new KeysServiceFailure("answered HTTP " + answer.status());
            }
            KeyCheck check = readable(answer.body(), key.prefix());
            if (check.outcome() == AuthOutcome.UNAVAILABLE) {
                throw new KeysServiceFailure("answered a verdict that does not fit the presented key");
            }
            return check;
        });
    }

    private static KeyCheck readable(Buffer body, String presentedPrefix) {
        try {
            return KeyVerdicts.toCheck(new JsonObject(body), presentedPrefix);
        } catch (RuntimeException e) {
            throw new KeysServiceFailure("answered a body that is not a key verdict");
        }
    }

    /** The whole exchange, not just each read, must finish in time: a trickling answer is cut too. */
    private Future<Answer> withDeadline(HttpClientRequest request, Buffer body) {
        long timer = vertx.setTimer(
                timeoutMillis,
                ignored -> request.reset(0, new TimeoutException("no answer within " + timeoutMillis + " ms")));
        return request.send(body)
                .compose(response -> response.body().map(received -> new Answer(response.statusCode(), received)))
                .andThen(ignored -> vertx.cancelTimer(timer));
    }

    /** Logged once per outage, not per request: an outage must not flood the log. */
    private KeyCheck unavailable(Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.warnf(
                    "keys-service verification failing (%s): %s; keys not in the cache answer 'unavailable'",
                    verifyUrl, cause instanceof KeysServiceFailure ? cause.getMessage() : cause.toString());
        }
        return KeyCheck.failed(AuthOutcome.UNAVAILABLE);
    }

    private void recovered(KeyCheck ignored) {
        if (failing.compareAndSet(true, false)) {
            LOG.infof("keys-service verification answering again (%s)", verifyUrl);
        }
    }

    private record Answer(int status, Buffer body) {}

    private static final class KeysServiceFailure extends RuntimeException {

        KeysServiceFailure(String message) {
            super(message, null, false, false);
        }
    }
}
