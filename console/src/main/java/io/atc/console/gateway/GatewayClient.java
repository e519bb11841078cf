package io.atc.console.gateway;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.console.config.ConsoleConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
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
    private final ConsoleConfig config;

    public GatewayClient(Vertx vertx, ConsoleConfig config) {
        this.config = config;
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setFollowRedirects(false)
                        .setUserAgent("atc-console")
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
}
