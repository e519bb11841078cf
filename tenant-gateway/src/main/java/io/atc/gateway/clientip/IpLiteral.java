package io.atc.gateway.clientip;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;

/**
 * Strict address literals as proxies write them: never a host name (so never DNS), no IPv4 leading
 * zeros (octal or decimal is ambiguous), no IPv6 zone. IPv4-mapped IPv6 addresses come back as IPv4.
 * Anything else answers null: the caller treats it as text it cannot trust.
 */
final class IpLiteral {

    private static final int MAX_IPV6_LENGTH = 45;

    private IpLiteral() {}

    /**
     * A bare address as a socket reports it: {@code 192.0.2.1} or {@code 2001:db8::1}; a link-local
     * peer's zone ({@code fe80::1%eth0}) is dropped, as CIDR matching ignores it.
     */
    static InetAddress address(String text) {
        if (text == null) {
            return null;
        }
        int zone = text.indexOf('%');
        return address(text, 0, zone < 0 ? text.length() : zone);
    }

    /**
     * A forwarded node as X-Forwarded-For and RFC 7239 {@code for=} carry it: an address, an IPv4
     * address with a port, or a bracketed IPv6 address with an optional port ({@code [2001:db8::1]:4711}).
     * Ports may be numeric or obfuscated ({@code _abc}); they are checked and dropped.
     */
    static InetAddress node(String text, int from, int to) {
        if (from >= to) {
            return null;
        }
        if (text.charAt(from) == '[') {
            int close = text.indexOf(']', from);
            if (close < 0 || close >= to || (close + 1 < to && !isPort(text, close + 1, to))) {
                return null;
            }
            return ipv6(text, from + 1, close);
        }
        int colon = text.indexOf(':', from);
        if (colon < 0 || colon >= to) {
            return ipv4(text, from, to);
        }
        int secondColon = text.indexOf(':', colon + 1);
        if (secondColon < 0 || secondColon >= to) {
            return isPort(text, colon, to) ? ipv4(text, from, colon) : null;
        }
        return ipv6(text, from, to);
    }

    static InetAddress address(String text, int from, int to) {
        int colon = text.indexOf(':', from);
        return colon < 0 || colon >= to ? ipv4(text, from, to) : ipv6(text, from, to);
    }

    /** ":" then 1 to 5 digits up to 65535, or an RFC 7239 obfuscated port ("_" then letters, digits, '.', '_', '-'). */
    private static boolean isPort(String text, int colon, int to) {
        if (text.charAt(colon) != ':' || colon + 1 >= to) {
            return false;
        }
        if (text.charAt(colon + 1) == '_') {
            for (int i = colon + 2; i < to; i++) {
                char c = text.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && c != '-') {
                    return false;
                }
            }
            return true;
        }
        int length = to - colon - 1;
        if (length > 5) {
            return false;
        }
        int port = 0;
        for (int i = colon + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static InetAddress ipv4(String text, int from, int to) {
        byte[] address = new byte[4];
        int octet = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return null;
                }
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return null;
            }
            address[octet++] = (byte) value;
            if (octet == 4) {
                return i == to ? of(address) : null;
            }
            if (i >= to || text.charAt(i) != '.') {
                return null;
            }
            i++;
        }
    }

    private static InetAddress ipv6(String text, int from, int to) {
        if (to - from < 2 || to - from > MAX_IPV6_LENGTH) {
            return null;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean allowed =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!allowed) {
                return null;
            }
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(text.substring(from, to));
        return address == null || address.length != 16 ? null : of(address);
    }

    /** The JDK turns a 16-byte IPv4-mapped address into an Inet4Address here; no lookup happens for raw bytes. */
    private static InetAddress of(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes was refused", e);
        }
    }
}
