package io.atc.gateway.pipeline;

import java.net.InetAddress;
import java.util.List;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * What the pipeline needs to know about the caller's address (bound to {@code clientip.ClientIpResolver}
 * and {@code clientip.IpAllowlist} by {@link ClientIpAddressPolicy}).
 */
public interface CallerAddressPolicy {

    /** The client's address: the socket peer, or what trusted proxies in front of the gateway say. */
    InetAddress resolve(SocketAddress peer, MultiMap headers);

    /** @param cidrs a key's canonical allowlist; empty admits every address */
    boolean permits(List<String> cidrs, InetAddress client);
}
