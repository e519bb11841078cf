package io.atc.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts {@link TestUpstream} on ports the system picks and points every upstream of the gateway
 * at them, plus a route to a free port where nothing listens. Short timeouts and a
 * 16 MiB body limit keep the streaming and timeout tests quick.
 */
public class UpstreamTestResources implements QuarkusTestResourceLifecycleManager {

    public static final String[] UPSTREAMS = {"keys", "audit", "retention", "edge", "console"};
    public static final long MAX_BODY = 16L * 1024 * 1024;
    public static final long RESPONSE_TIMEOUT_MILLIS = 5_000;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        List<Integer> ports = TestUpstream.startOnFreePorts();
        for (int i = 0; i < UPSTREAMS.length; i++) {
            config.put("atc.gateway.upstreams." + UPSTREAMS[i] + ".url", "http://127.0.0.1:" + ports.get(i));
        }
        config.put("atc.gateway.upstreams.down.url", "http://127.0.0.1:" + freePort());
        config.put("atc.gateway.routes.down.paths", "/v1/test-down/**");
        config.put("atc.gateway.routes.down.upstream", "down");
        config.put("atc.gateway.max-request-body", Long.toString(MAX_BODY));
        config.put("atc.gateway.upstream-connect-timeout", "2s");
        config.put("atc.gateway.upstream-response-timeout", RESPONSE_TIMEOUT_MILLIS + "ms");
        return config;
    }

    @Override
    public void stop() {
        TestUpstream.stopAll();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
