package io.atc.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import io.atc.core.errors.ProblemException;

/**
 * Strict CIDR parsing for key allowlists: literal IPv4 or IPv6 addresses only (never a host name,
 * so no DNS), an explicit or implied prefix length, and no host bits set: "10.0.0.1/8" is refused
 * with the network it probably meant, because silently widening or narrowing an allowlist is worse
 * than asking. Output is canonical (IPv6 compressed, lower case), so equal lists compare equal.
 */
public final class Cidrs {

    public static final int MAX = 50;

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private Cidrs() {}

    public static List<String> canonical(String field, List<String> cidrs) {
        if (cidrs == null) {
            return List.of();
        }
        if (cidrs.size() > MAX) {
            throw ProblemException.invalid(field, "at most " + MAX + " entries");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < cidrs.size(); i++) {
            out.add(canonical(field + "[" + i + "]", cidrs.get(i)));
        }
        return new ArrayList<>(out);
    }

    static String canonical(String field, String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw ProblemException.invalid(field, "must be a CIDR such as 203.0.113.0/24 or 2001:db8::/32");
        }
        String[] parts = cidr.strip().split("/", -1);
        if (parts.length > 2) {
            throw ProblemException.invalid(field, "is not a CIDR");
        }
        byte[] address = literal(field, parts[0]);
        int bits = address.length * 8;
        int prefix = parts.length == 2 ? prefixLength(field, parts[1], bits) : bits;
        byte[] network = mask(address, prefix);
        String networkText = format(network);
        if (!java.util.Arrays.equals(network, address)) {
            throw ProblemException.invalid(
                    field, "has host bits set; did you mean " + networkText + "/" + prefix + "?");
        }
        return networkText + "/" + prefix;
    }

    private static byte[] literal(String field, String text) {
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = !v4 && text.contains(":") && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            throw ProblemException.invalid(field, "must be a literal IPv4 or IPv6 address with an optional /prefix");
        }
        try {
            byte[] address = InetAddress.getByName(text).getAddress();
            if (v6 && address.length == 4) {
                throw ProblemException.invalid(field, "IPv4-mapped IPv6 ranges are not accepted; write the IPv4 range");
            }
            return address;
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(field, "is not a valid IP address");
        }
    }

    private static int prefixLength(String field, String text, int bits) {
        if (!text.matches("\\d{1,3}")) {
            throw ProblemException.invalid(field, "prefix length must be a number");
        }
        int prefix = Integer.parseInt(text);
        if (prefix > bits) {
            throw ProblemException.invalid(field, "prefix length must be at most " + bits);
        }
        return prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] network = address.clone();
        for (int i = 0; i < network.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            network[i] &= (byte) (0xFF << (8 - keep));
        }
        return network;
    }

    private static String format(byte[] address) {
        try {
            String text = InetAddress.getByAddress(address).getHostAddress();
            return address.length == 16 ? Ipv6Text.compress(text) : text;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
