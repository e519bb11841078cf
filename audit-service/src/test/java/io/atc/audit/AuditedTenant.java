package io.atc.audit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.identity.InternalTokens;

/** A fresh tenant whose chain holds genesis plus {@code events} audited mutations (seqs 1..events). */
public record AuditedTenant(UUID id) {

    private static final Duration WAIT = Duration.ofSeconds(30);

    public static AuditedTenant withEvents(TenantTransactions transactions, int events) {
        UUID id = UUID.randomUUID();
        transactions.createTenant(id, "Audited " + id).await().atMost(WAIT);
        for (int i = 1; i <= events; i++) {
            int n = i;
            transactions
                    .mutate(id, sql -> sql.execute("select 1")
                            .map(rows -> Audited.of(
                                    n,
                                    new AuditEntry(
                                            "key:test",
                                            "test.event",
                                            n % 2 == 0 ? "user:42" : "site:" + n,
                                            Map.of("n", n, "subject", n % 3 == 0 ? "user:7" : "none")))))
                    .await()
                    .atMost(WAIT);
        }
        return new AuditedTenant(id);
    }

    public String token() {
        return InternalTokens.forTenant(id);
    }
}
