package io.atc.console.gateway;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.console.config.ConsoleConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The console's only way to act: requests to the gateway's public API, carrying the browser's
 * session cookie (and, for a change, its CSRF token), exactly as the browser itself could send them.
 * The gateway authenticates them, the services check scopes, RLS and audit as for any caller.
 */
@ApplicationScoped
public class GatewayClient {

    private static final Logger LOG = Logger.getLogger(GatewayClient.class);

    private final WebClient client;
    private final HttpClient streams;
    private final ConsoleConfig config;

    public GatewayClient(Vertx vertx, ConsoleConfig config) {
        this.config = config;
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setFollowRedirects(false)
                        .setUserAgent("atc-console")
                        .setConnectTimeout((int) config.gatewayTimeout().toMillis()));
        this.streams = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.gatewayTimeout().toMillis()));
    }

    public Uni<GatewayAnswer> get(String path, BrowserCredentials browser) {
        return send(HttpMethod.GET, path, browser, null);
    }

    public Uni<GatewayAnswer> send(HttpMethod method, String path, BrowserCredentials browser, JsonObject body) {
        HttpRequest<Buffer> request = client.requestAbs(
                        method, config.gatewayUrl().resolve(path).toString())
                .timeout(config.gatewayTimeout().toMillis())
                .putHeader("Accept", "application/json, application/problem+json");
        ClientVoucher.current().ifPresent(voucher -> request.putHeader(ClientVoucher.HEADER, voucher));
        if (browser != null) {
            String cookies = browser.cookieHeader();
            if (!cookies.isEmpty()) {
                request.putHeader("Cookie", cookies);
            }
            if (method != HttpMethod.GET && browser.csrf() != null) {
                request.putHeader(BrowserCredentials.CSRF_HEADER, browser.csrf());
            }
        }
        Uni<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
        return sent.map(response ->
                        new GatewayAnswer(response.statusCode(), response.cookies(), response.bodyAsString()))
                .onFailure()
                .recoverWithItem(unreachable -> {
                    LOG.warnf(
                            "the gateway did not answer %s %s: %s",
                            method, path, unreachable.getClass().getName());
                    return new GatewayAnswer(503, List.of(), null);
                });
    }

    /**
     * GET whose body is passed on as it arrives instead of held whole (an audit export can be large):
     * the gateway is read only as fast as the chunks are taken. The timeout is for silence, not the
     * whole transfer.
     */
    public Uni<GatewayStream> stream(String path, String accept, BrowserCredentials browser) {
        RequestOptions options = new RequestOptions()
                .setMethod(io.vertx.core.http.HttpMethod.GET)
                .setAbsoluteURI(config.gatewayUrl().resolve(path).toString())
                .setIdleTimeout(config.gatewayTimeout().toMillis())
                .putHeader("Accept", accept + ", application/problem+json")
                .putHeader("User-Agent", "atc-console");
        String cookies = browser.cookieHeader();
        if (!cookies.isEmpty()) {
            options.putHeader("Cookie", cookies);
        }
        return streams.request(options)
                .flatMap(request -> request.send())
                .map(response -> {
                    // Held until the body is subscribed to: a chunk arriving before would be lost.
                    response.pause();
                    return new GatewayStream(
                            response.statusCode(),
                            response.getHeader("Content-Type"),
                            response.toMulti().map(Buffer::getBytes));
                })
                .onFailure()
                .recoverWithItem(unreachable -> {
                    LOG.warnf(
                            "the gateway did not answer GET %s: %s",
                            path, unreachable.getClass().getName());
                    return new GatewayStream(503, null, Multi.createFrom().empty());
                });
    }
}
