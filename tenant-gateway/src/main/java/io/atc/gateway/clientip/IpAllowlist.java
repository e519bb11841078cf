package io.atc.gateway.clientip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.atc.core.net.CidrBlock;

/**
 * A key's IP allowlist: an empty list admits every address; otherwise the client must fall in one
 * of the ranges (real CIDR matching, IPv4 and IPv6, IPv4-mapped clients as IPv4). An entry that does
 * not parse never admits anyone. Parsed lists are cached per distinct list; the cache is bounded by
 * clearing it when full, which costs one re-parse per list in use.
 */
@Singleton
public class IpAllowlist {

    static final int MAX_CACHED_LISTS = 10_000;
    private static final Logger LOG = Logger.getLogger(IpAllowlist.class);

    private final ConcurrentHashMap<List<String>, CidrBlock[]> parsed = new ConcurrentHashMap<>();

    public boolean permits(List<String> canonicalCidrs, InetAddress client) {
        if (canonicalCidrs.isEmpty()) {
            return true;
        }
        if (client == null) {
            return false;
        }
        byte[] address = client.getAddress();
        for (CidrBlock block : blocks(canonicalCidrs)) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private CidrBlock[] blocks(List<String> cidrs) {
        CidrBlock[] blocks = parsed.get(cidrs);
        if (blocks != null) {
            return blocks;
        }
        if (parsed.size() >= MAX_CACHED_LISTS) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(List.copyOf(cidrs), IpAllowlist::parse);
    }

    private static CidrBlock[] parse(List<String> cidrs) {
        List<CidrBlock> blocks = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            try {
                blocks.add(CidrBlock.parse(cidr));
            } catch (IllegalArgumentException e) {
                LOG.warnf("an allowlist entry is not a CIDR and admits no one: %s", cidr);
            }
        }
        return blocks.toArray(CidrBlock[]::new);
    }

    int cachedLists() {
        return parsed.size();
    }
}
