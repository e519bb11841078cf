package io.atc.edge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the bridge under test and the test broker, which a test can cut (a broker
 * outage: connections drop, new ones are refused) or silence (connections stay up, nothing gets
 * through: a broker that does not answer). Devices in tests connect to the broker directly.
 */
public final class BrokerLink {

    private final ServerSocket server;
    private final String brokerHost;
    private final int brokerPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean silent;

    private BrokerLink(ServerSocket server, String brokerHost, int brokerPort) {
        this.server = server;
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
    }

    static BrokerLink to(String brokerHost, int brokerPort) {
        try {
            BrokerLink link =
                    new BrokerLink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), brokerHost, brokerPort);
            Thread acceptor = new Thread(link::accept, "broker-link-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every relayed connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        dropAll();
    }

    /** Keeps connections open but relays nothing, until {@link #restore()}. */
    public void silence() {
        silent = true;
    }

    /** Relays again; connections open while silenced are dropped, since their streams lost bytes. */
    public void restore() {
        if (silent) {
            dropAll();
        }
        silent = false;
        cut = false;
    }

    private void dropAll() {
        sockets.forEach(BrokerLink::closeQuietly);
        sockets.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket broker = new Socket(brokerHost, brokerPort);
                sockets.add(client);
                sockets.add(broker);
                relay(client, broker);
                relay(broker, client);
            } catch (IOException e) {
                // a refused or reset connection: the bridge sees the same and retries
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread pump = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            if (!silent) {
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                        }
                    } catch (IOException e) {
                        // one side closed: close the other below
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        sockets.remove(from);
                        sockets.remove(to);
                    }
                },
                "broker-link-relay");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
