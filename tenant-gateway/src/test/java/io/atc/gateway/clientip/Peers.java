package io.atc.gateway.clientip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/** Socket peers and header maps as Vert.x hands them to the gateway. */
final class Peers {

    private Peers() {}

    static SocketAddress peer(String literal) {
        return SocketAddress.inetSocketAddress(new InetSocketAddress(ip(literal), 40_000));
    }

    /** A peer the way a dual-stack socket can report an IPv4 client: ::ffff:a.b.c.d kept as IPv6. */
    static SocketAddress mappedPeer(int a, int b, int c, int d) {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) a, (byte) b, (byte) c, (byte) d
        };
        try {
            return SocketAddress.inetSocketAddress(
                    new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 40_000));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
