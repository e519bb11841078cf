package io.atc.gateway.auth;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.vertx.core.Vertx;

/** A Vert.x and a fake keys-service for a test class, started before its tests and closed after. */
final class FakeKeysServiceExtension implements BeforeAllCallback, AfterAllCallback {

    private Vertx vertx;
    private FakeKeysService keysService;

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
        keysService = new FakeKeysService(vertx, GatewayReplica.TOKENS.gatewayToken());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        keysService.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    Vertx vertx() {
        return vertx;
    }

    FakeKeysService keysService() {
        return keysService;
    }
}
