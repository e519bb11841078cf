package io.atc.gateway.pipeline;

import java.net.InetAddress;
import java.util.List;

import jakarta.inject.Singleton;

import io.atc.gateway.clientip.ClientIpResolver;
import io.atc.gateway.clientip.ClientVouchers;
import io.atc.gateway.clientip.IpAllowlist;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * The client address as {@link ClientIpResolver} finds it, checked against a key's {@link IpAllowlist}, and
 * carried through the console by {@link ClientVouchers}.
 */
@Singleton
public class ClientIpAddressPolicy implements CallerAddressPolicy {

    private final ClientIpResolver resolver;
    private final IpAllowlist allowlist;
    private final ClientVouchers vouchers;

    public ClientIpAddressPolicy(ClientIpResolver resolver, IpAllowlist allowlist, ClientVouchers vouchers) {
        this.resolver = resolver;
        this.allowlist = allowlist;
        this.vouchers = vouchers;
    }

    @Override
    public CharSequence voucherFor(InetAddress client) {
        return vouchers.vouchFor(client);
    }

    @Override
    public InetAddress vouched(String voucher) {
        return vouchers.vouched(voucher);
    }

    @Override
    public InetAddress resolve(SocketAddress peer, MultiMap headers) {
        return resolver.resolve(peer, headers);
    }

    @Override
    public boolean permits(List<String> cidrs, InetAddress client) {
        return allowlist.permits(cidrs, client);
    }
}
