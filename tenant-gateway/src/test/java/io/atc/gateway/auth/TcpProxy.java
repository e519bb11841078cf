package io.atc.gateway.auth;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A TCP forwarder in front of Postgres, so a test can make the database unreachable, cut the
 * listener's connection, or freeze it silently (a half-open connection) without touching the server.
 */
final class TcpProxy implements AutoCloseable {

    private final Vertx vertx;
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final NetClient client;
    private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();
    private NetServer server;

    TcpProxy(Vertx vertx, int port, String targetHost, int targetPort) {
        this.vertx = vertx;
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient();
    }

    TcpProxy start() {
        server = vertx.createNetServer().connectHandler(downstream -> {
            downstream.pause();
            client.connect(targetPort, targetHost)
                    .onSuccess(upstream -> {
                        sockets.add(downstream);
                        sockets.add(upstream);
                        downstream.handler(upstream::write);
                        upstream.handler(downstream::write);
                        downstream.closeHandler(closed -> upstream.close());
                        upstream.closeHandler(closed -> downstream.close());
                        downstream.resume();
                    })
                    .onFailure(failure -> downstream.close());
        });
        server.listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        return this;
    }

    /** Cuts every forwarded connection, as a restart or a network failure would. */
    void dropConnections() {
        sockets.forEach(NetSocket::close);
        sockets.clear();
    }

    /** Forwarded connections stay open but carry nothing more, in either direction. */
    void freezeConnections() {
        sockets.forEach(socket -> socket.handler(ignored -> {}));
        sockets.clear();
    }

    @Override
    public void close() {
        dropConnections();
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
        client.close();
    }
}
