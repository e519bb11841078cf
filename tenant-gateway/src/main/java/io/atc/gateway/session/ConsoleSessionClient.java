package io.atc.gateway.session;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

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
 * Asks the keys-service who a console session is: {@code POST /internal/v1/console/sessions/check}
 * with the gateway's own token, the session, the request's method and its CSRF token, all in the body
 * (never a URL). Nothing is cached: a session that ended is refused by the next request, as on the
 * console's own endpoints. 403 is a refusal; anything else that is not a readable identity is
 * {@link SessionCheck.Outcome#UNAVAILABLE}. Never fails the Uni.
 */
@ApplicationScoped
public class ConsoleSessionClient {

    private static final Logger LOG = Logger.getLogger(ConsoleSessionClient.class);
    static final String PATH = "/internal/v1/console/sessions/check";

    private final Vertx vertx;
    private final InternalTokenMinter tokens;
    private final String checkUrl;
    private final long timeoutMillis;
    private final HttpClient client;

    @Inject
    public ConsoleSessionClient(Vertx vertx, InternalTokenMinter tokens, GatewayConfig config) {
        this(
                vertx,
                tokens,
                config.upstreams().get("keys").url() + PATH,
                config.keys().verifyTimeout());
    }

    public ConsoleSessionClient(Vertx vertx, InternalTokenMinter tokens, String checkUrl, Duration timeout) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.checkUrl = checkUrl;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(8).setConnectTimeout((int)
                        Math.min(Integer.MAX_VALUE, timeoutMillis)));
    }

    public Uni<SessionCheck> check(String session, String method, String csrf) {
        return Uni.createFrom()
                .completionStage(() -> exchange(session, method, csrf).toCompletionStage())
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.debugf(
                            "console session check failed: %s",
                            failure.getClass().getName());
                    return SessionCheck.failed(SessionCheck.Outcome.UNAVAILABLE);
                });
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Future<SessionCheck> exchange(String session, String method, String csrf) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(checkUrl)
                .putHeader(HttpHeaders.AUTHORIZATION, tokens.gatewayAuthorization())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        Buffer body = new JsonObject()
                .put("session", session)
                .put("method", method)
                .put("csrf", csrf)
                .toBuffer();
        return client.request(request).compose(sent -> withDeadline(sent, body)).map(ConsoleSessionClient::read);
    }

    private static SessionCheck read(Answer answer) {
        if (answer.status() == 403) {
            return SessionCheck.failed(SessionCheck.Outcome.REFUSED);
        }
        if (answer.status() != 200) {
            return SessionCheck.failed(SessionCheck.Outcome.UNAVAILABLE);
        }
        try {
            JsonObject identity = new JsonObject(answer.body());
            List<String> scopes = identity.getJsonArray("scopes").stream()
                    .map(String::valueOf)
                    .toList();
            return SessionCheck.ok(
                    UUID.fromString(identity.getString("tenant")),
                    UUID.fromString(identity.getString("userId")),
                    scopes);
        } catch (RuntimeException notAnIdentity) {
            return SessionCheck.failed(SessionCheck.Outcome.UNAVAILABLE);
        }
    }

    private Future<Answer> withDeadline(HttpClientRequest request, Buffer body) {
        long timer = vertx.setTimer(
                timeoutMillis,
                ignored -> request.reset(0, new TimeoutException("no answer within " + timeoutMillis + " ms")));
        return request.send(body)
                .compose(response -> response.body().map(received -> new Answer(response.statusCode(), received)))
                .andThen(ignored -> vertx.cancelTimer(timer));
    }

    private record Answer(int status, Buffer body) {}
}
