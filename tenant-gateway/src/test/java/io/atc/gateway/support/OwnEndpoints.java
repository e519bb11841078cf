package io.atc.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.atc.gateway.proxy.PublicListener;
import io.quarkus.arc.Arc;

/**
 * The gateway's own endpoints (health, metrics, OpenAPI) on Quarkus's HTTP server, which the public
 * port never passes requests to (RestAssured's requests all go to the public port).
 */
public final class OwnEndpoints {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OwnEndpoints() {}

    public static HttpResponse<String> get(String path) {
        int port = Arc.container().instance(PublicListener.class).get().ownHttpPort();
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " on the gateway's own HTTP server failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
