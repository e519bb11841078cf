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

    /** The gateway's voucher for {@code client}, sent to the console with its pages; null when it cannot make one. */
    CharSequence voucherFor(InetAddress client);

    /** The address a valid voucher (sent back by the console) names; null when absent or not valid. */
    InetAddress vouched(String voucher);

    /** @param cidrs a key's canonical allowlist; empty admits every address */
    boolean permits(List<String> cidrs, InetAddress client);
}
