package io.atc.gateway.clientip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.net.CidrBlock;
import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.vertx.VertxInternals;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * Who the client is, for IP allowlists: the socket peer, unless the peer is a trusted proxy; then
 * the configured forwarding header (all its instances, in order, as one list) is walked from the
 * right, skipping trusted proxies, and the first untrusted address is the client. The leftmost
 * entry is never taken on its own: whatever the client sent sits there, and only the entry the
 * first trusted proxy appended is that proxy's own observation.
 *
 * <p>An entry that is not a plain address ({@code unknown}, an obfuscated {@code _hidden}, a host
 * name, garbage, a Forwarded element without {@code for=}) stops the walk and the last trusted hop
 * is taken as the client: the text beyond it cannot be trusted, and guessing past it would let it
 * choose the answer. So does reaching {@code atc.gateway.client-ip.max-hops} entries, and a chain
 * of trusted proxies only. The answer is null only when the peer has no IP address (a Unix socket).
 */
@Singleton
public class ClientIpResolver {

    private final TrustedProxies trusted;
    private final ForwardingHeader header;
    private final int maxHops;

    @Inject
    public ClientIpResolver(TrustedProxies trusted, GatewayConfig config) {
        this(
                trusted,
                ForwardingHeader.fromConfig(config.clientIp().header()),
                config.clientIp().maxHops());
    }

    public ClientIpResolver(TrustedProxies trusted, ForwardingHeader header, int maxHops) {
        if (maxHops < 1 || maxHops > 100) {
            throw new IllegalArgumentException(
                    "atc.gateway.client-ip.max-hops must be between 1 and 100, not " + maxHops);
        }
        this.trusted = trusted;
        this.header = header;
        this.maxHops = maxHops;
    }

    public InetAddress resolve(SocketAddress peer, MultiMap headers) {
        InetAddress peerAddress = peerAddress(peer);
        if (!trusted.contains(peerAddress)) {
            return peerAddress;
        }
        List<String> values = headers.getAll(header.headerName());
        return header == ForwardingHeader.FORWARDED
                ? walkForwarded(peerAddress, values)
                : walkXForwardedFor(peerAddress, values);
    }

    /**
     * Vert.x keeps the socket's InetAddress; its public hostAddress() formats it into a new string on
     * every call, which would only be parsed back here, so the address is taken directly when it can be.
     */
    private static InetAddress peerAddress(SocketAddress peer) {
        InetAddress address = VertxInternals.ipAddress(peer);
        if (address != null) {
            return address instanceof Inet6Address && CidrBlock.isIpv4Mapped(address.getAddress())
                    ? IpLiteral.address(address.getHostAddress())
                    : address;
        }
        return peer == null ? null : IpLiteral.address(peer.hostAddress());
    }

    private InetAddress walkXForwardedFor(InetAddress peer, List<String> values) {
        InetAddress client = peer;
        int hops = 0;
        for (int v = values.size() - 1; v >= 0; v--) {
            String value = values.get(v);
            int end = value.length();
            while (end >= 0) {
                int comma = value.lastIndexOf(',', end - 1);
                int from = skipSpace(value, comma + 1, end);
                int to = trimEnd(value, from, end);
                if (from < to) {
                    if (++hops > maxHops) {
                        return client;
                    }
                    InetAddress hop = IpLiteral.node(value, from, to);
                    if (hop == null) {
                        return client;
                    }
                    if (!trusted.contains(hop)) {
                        return hop;
                    }
                    client = hop;
                }
                end = comma;
            }
        }
        return client;
    }

    /** RFC 7239 elements, split on commas outside quoted strings, read from the right. */
    private InetAddress walkForwarded(InetAddress peer, List<String> values) {
        InetAddress client = peer;
        int hops = 0;
        for (int v = values.size() - 1; v >= 0; v--) {
            String value = values.get(v);
            int end = value.length();
            boolean quoted = false;
            for (int i = value.length() - 1; i >= -1; i--) {
                if (i >= 0) {
                    char c = value.charAt(i);
                    if (c == '"' && !escaped(value, i)) {
                        quoted = !quoted;
                    }
                    if (c != ',' || quoted) {
                        continue;
                    }
                }
                int from = skipSpace(value, i + 1, end);
                int to = trimEnd(value, from, end);
                end = i;
                if (from >= to) {
                    continue;
                }
                if (++hops > maxHops) {
                    return client;
                }
                InetAddress hop = forParameter(value, from, to);
                if (hop == null) {
                    return client;
                }
                if (!trusted.contains(hop)) {
                    return hop;
                }
                client = hop;
            }
        }
        return client;
    }

    /** The address in one element's single {@code for=} pair; null when absent, repeated or not an address. */
    private static InetAddress forParameter(String value, int from, int to) {
        InetAddress found = null;
        boolean seen = false;
        int i = from;
        while (i < to) {
            i = skipSpace(value, i, to);
            int nameStart = i;
            while (i < to && value.charAt(i) != '=' && value.charAt(i) != ';') {
                i++;
            }
            if (i < to && value.charAt(i) == ';' && trimEnd(value, nameStart, i) == nameStart) {
                i++;
                continue;
            }
            if (i >= to || value.charAt(i) != '=') {
                return null;
            }
            int nameEnd = trimEnd(value, nameStart, i);
            boolean isFor = nameEnd - nameStart == 3 && value.regionMatches(true, nameStart, "for", 0, 3);
            i = skipSpace(value, i + 1, to);
            int valueFrom;
            int valueTo;
            if (i < to && value.charAt(i) == '"') {
                valueFrom = i + 1;
                valueTo = valueFrom;
                while (valueTo < to && value.charAt(valueTo) != '"') {
                    if (value.charAt(valueTo) == '\\') {
                        return null;
                    }
                    valueTo++;
                }
                if (valueTo >= to) {
                    return null;
                }
                i = skipSpace(value, valueTo + 1, to);
            } else {
                valueFrom = i;
                while (i < to && value.charAt(i) != ';') {
                    i++;
                }
                valueTo = trimEnd(value, valueFrom, i);
            }
            if (i < to) {
                if (value.charAt(i) != ';') {
                    return null;
                }
                i++;
            }
            if (isFor) {
                if (seen) {
                    return null;
                }
                seen = true;
                found = IpLiteral.node(value, valueFrom, valueTo);
                if (found == null) {
                    return null;
                }
            }
        }
        return found;
    }

    private static boolean escaped(String value, int quote) {
        int backslashes = 0;
        for (int i = quote - 1; i >= 0 && value.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return (backslashes & 1) == 1;
    }

    private static int skipSpace(String value, int from, int to) {
        while (from < to && (value.charAt(from) == ' ' || value.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String value, int from, int to) {
        while (to > from && (value.charAt(to - 1) == ' ' || value.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
