package io.atc.core.net;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The unit a per-client limit counts: an IPv4 address, or an IPv6 /64 (the smallest block one
 * subscriber usually gets, so rotating addresses within it does not escape a limit). Returned as a
 * UUID so limiters can key their tables by it without allocating text; the two families never
 * collide, and an unknown address (a Unix socket) is a group of its own.
 */
public final class ClientNetwork {

    private static final UUID UNKNOWN_ADDRESS = new UUID(0, 0);

    private ClientNetwork() {}

    public static UUID of(InetAddress client) {
        if (client == null) {
            return UNKNOWN_ADDRESS;
        }
        byte[] address = client.getAddress();
        ByteBuffer bytes = ByteBuffer.wrap(address);
        if (address.length == 16) {
            return new UUID(bytes.getLong(), 0);
        }
        return new UUID(0, 1L << 32 | (bytes.getInt() & 0xFFFFFFFFL));
    }
}
