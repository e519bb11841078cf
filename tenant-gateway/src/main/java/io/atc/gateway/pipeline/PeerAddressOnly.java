package io.atc.gateway.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * Stands in until the client-IP resolver and allowlist are bound: trusts no proxy (the socket peer
 * is the client) and fails closed for every key that has an allowlist.
 */
final class PeerAddressOnly implements CallerAddressPolicy {

    @Override
    public InetAddress resolve(SocketAddress peer, MultiMap headers) {
        try {
            return InetAddress.getByName(peer.hostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a socket peer without an IP address", e);
        }
    }

    @Override
    public boolean permits(List<String> cidrs, InetAddress client) {
        return cidrs.isEmpty();
    }
}
