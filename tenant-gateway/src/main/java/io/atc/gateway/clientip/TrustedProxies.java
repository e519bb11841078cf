package io.atc.gateway.clientip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.net.CidrBlock;
import io.atc.gateway.config.GatewayConfig;

/**
 * The proxies whose forwarding headers the gateway believes ({@code atc.gateway.trusted-proxies},
 * a comma list of CIDRs; empty by default, so headers are ignored and the socket peer is the client).
 * A malformed entry stops the start: silently trusting less, or more, than configured is worse.
 */
@Singleton
public class TrustedProxies {

    private final CidrBlock[] blocks;

    @Inject
    public TrustedProxies(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    public TrustedProxies(List<String> cidrs) {
        List<CidrBlock> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            if (cidr.isBlank()) {
                continue;
            }
            try {
                parsed.add(CidrBlock.parse(cidr.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("atc.gateway.trusted-proxies: '" + cidr + "' " + e.getMessage(), e);
            }
        }
        this.blocks = parsed.toArray(CidrBlock[]::new);
    }

    public static TrustedProxies of(String... cidrs) {
        return new TrustedProxies(Arrays.asList(cidrs));
    }

    public boolean isEmpty() {
        return blocks.length == 0;
    }

    public boolean contains(InetAddress address) {
        if (address == null || blocks.length == 0) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (CidrBlock block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public List<CidrBlock> blocks() {
        return List.of(blocks);
    }
}
