package io.atc.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.atc.core.errors.ProblemException;

/**
 * One CIDR range, parsed once into masks so that a match is a few long comparisons with no
 * allocation beyond the caller's address bytes. Accepts what {@link Cidrs} accepts (strict literals,
 * no host bits) and answers with its canonical text.
 *
 * <p>Address families never cross: an IPv4 block matches IPv4 addresses and IPv4-mapped IPv6
 * addresses ({@code ::ffff:a.b.c.d}, which a dual-stack socket reports for IPv4 clients) and nothing
 * else; an IPv6 block matches only IPv6 addresses that are not IPv4-mapped, so {@code ::/0} does not
 * admit IPv4 clients and {@code 0.0.0.0/0} does not admit IPv6 ones.
 */
public final class CidrBlock {

    private final String text;
    private final boolean ipv4;
    private final long networkHigh;
    private final long networkLow;
    private final long maskHigh;
    private final long maskLow;

    private CidrBlock(String text, boolean ipv4, long networkHigh, long networkLow, long maskHigh, long maskLow) {
        this.text = text;
        this.ipv4 = ipv4;
        this.networkHigh = networkHigh;
        this.networkLow = networkLow;
        this.maskHigh = maskHigh;
        this.maskLow = maskLow;
    }

    /**
     * @param cidr a CIDR such as {@code 203.0.113.0/24} or {@code 2001:db8::/32} (a bare address means /32 or /128)
     * @throws IllegalArgumentException when it is not a strict literal range, or has host bits set
     */
    public static CidrBlock parse(String cidr) {
        String canonical;
        try {
            canonical = Cidrs.canonical("cidr", cidr);
        } catch (ProblemException e) {
            throw new IllegalArgumentException("not a CIDR range: " + e.getMessage());
        }
        int slash = canonical.indexOf('/');
        int prefix = Integer.parseInt(canonical, slash + 1, canonical.length(), 10);
        byte[] network;
        try {
            network = InetAddress.getByName(canonical.substring(0, slash)).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a canonical literal did not parse: " + canonical, e);
        }
        if (network.length == 4) {
            long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            return new CidrBlock(canonical, true, 0, readInt(network, 0), 0, mask);
        }
        long maskHigh = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long maskLow = prefix <= 64 ? 0 : -1L << (128 - prefix);
        return new CidrBlock(canonical, false, readLong(network, 0), readLong(network, 8), maskHigh, maskLow);
    }

    public boolean contains(InetAddress address) {
        return address != null && contains(address.getAddress());
    }

    /** The same match on raw address bytes (4 or 16), for callers that test one address against many blocks. */
    public boolean contains(byte[] address) {
        if (address.length == 4) {
            return ipv4 && (readInt(address, 0) & maskLow) == networkLow;
        }
        if (address.length != 16) {
            return false;
        }
        if (isIpv4Mapped(address)) {
            return ipv4 && (readInt(address, 12) & maskLow) == networkLow;
        }
        return !ipv4
                && (readLong(address, 0) & maskHigh) == networkHigh
                && (readLong(address, 8) & maskLow) == networkLow;
    }

    public boolean isIpv4() {
        return ipv4;
    }

    /** ::ffff:a.b.c.d: ten zero bytes, two 0xff bytes, then the IPv4 address. */
    public static boolean isIpv4Mapped(byte[] address) {
        if (address.length != 16 || address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static long readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFFL) << 24)
                | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8)
                | (bytes[offset + 3] & 0xFFL);
    }

    private static long readLong(byte[] bytes, int offset) {
        return (readInt(bytes, offset) << 32) | readInt(bytes, offset + 4);
    }

    /** The canonical text, e.g. {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CidrBlock block && block.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
