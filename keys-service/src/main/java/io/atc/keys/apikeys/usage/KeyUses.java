package io.atc.keys.apikeys.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.errors.ProblemException;
import io.atc.core.tenancy.TenantTransactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.NetUtil;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Records the key uses a gateway reports: one bookkeeping transaction per tenant named in the report,
 * bound to that tenant, so row level security and the statement's own tenant predicate let an entry
 * touch only a key of the tenant it names (an entry pairing tenant A with B's key changes nothing).
 * Uses are not audited (docs/keys.md, "Last used"): they are no change anyone made, and one event per
 * use would bury the tenant's real changes.
 */
@ApplicationScoped
public class KeyUses {

    /** Rows a report changed: a report repeating what is stored, or within its minute, changes none. */
    public static final String RECORDED = "atc.keys.usage.recorded";

    private final TenantTransactions transactions;
    private final KeyUseRepository repository;
    private final Counter recorded;

    public KeyUses(TenantTransactions transactions, KeyUseRepository repository, MeterRegistry meters) {
        this.transactions = transactions;
        this.repository = repository;
        this.recorded = meters.counter(RECORDED);
    }

    /** @return the keys whose last use changed */
    public Uni<Integer> record(KeyUseReport report) {
        Map<UUID, Map<UUID, KeyUse>> byTenant = byTenant(report.uses());
        return Multi.createFrom()
                .iterable(byTenant.entrySet())
                .onItem()
                .transformToUniAndConcatenate(tenant -> transactions.bookkeeping(
                        tenant.getKey(),
                        sql -> repository.record(
                                sql, new ArrayList<>(tenant.getValue().values()))))
                .collect()
                .with(Collectors.summingInt(Integer::intValue))
                .invoke(changed -> recorded.increment(changed));
    }

    /** The uses grouped by tenant, one per key (its latest), each address canonical. */
    private static Map<UUID, Map<UUID, KeyUse>> byTenant(List<KeyUse> uses) {
        Map<UUID, Map<UUID, KeyUse>> byTenant = new LinkedHashMap<>();
        for (int i = 0; i < uses.size(); i++) {
            KeyUse use = uses.get(i);
            KeyUse canonical = new KeyUse(use.tenantId(), use.keyId(), use.at(), address("uses[" + i + "].from", use));
            byTenant.computeIfAbsent(use.tenantId(), tenant -> new LinkedHashMap<>())
                    .merge(
                            use.keyId(),
                            canonical,
                            (first, second) -> second.at().isAfter(first.at()) ? second : first);
        }
        return byTenant;
    }

    /** A bare IPv4 or IPv6 address (no zone, brackets or port) in its canonical text, or null when absent. */
    private static String address(String field, KeyUse use) {
        String text = use.from();
        if (text == null) {
            return null;
        }
        byte[] bytes = text.indexOf('%') >= 0 || text.indexOf('[') >= 0
                ? null
                : NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            throw ProblemException.invalid(field, "must be an IP address");
        }
        return NetUtil.bytesToIpAddress(bytes);
    }
}
