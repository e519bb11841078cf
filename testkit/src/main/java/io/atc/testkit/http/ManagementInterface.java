package io.atc.testkit.http;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The management interface (health, metrics, OpenAPI: everything under /q) of the application a
 * {@code @QuarkusTest} started. It has its own listener, on a free port in tests
 * ({@code quarkus.management.test-port=0}), which Quarkus publishes as {@code test.management.url}.
 */
public final class ManagementInterface {

    private ManagementInterface() {}

    /** {@code http://host:port} of the running application's management interface. */
    public static URI uri() {
        URI published = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return URI.create(published.getScheme() + "://" + published.getHost() + ":" + published.getPort());
    }

    public static int port() {
        return uri().getPort();
    }

    /** A request to the management interface; paths are absolute, e.g. {@code /q/metrics}. */
    public static RequestSpecification given() {
        URI uri = uri();
        return RestAssured.given()
                .baseUri(uri.getScheme() + "://" + uri.getHost())
                .port(uri.getPort())
                .basePath("");
    }
}
