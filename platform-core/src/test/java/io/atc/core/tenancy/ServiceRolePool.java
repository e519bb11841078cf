package io.atc.core.tenancy;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A reactive pool on the run's database as the service role, with the TenantTransactions a
 * service would build on it, open for one test class:
 * {@code @RegisterExtension static final ServiceRolePool SERVICE = new ServiceRolePool(4);}
 */
public final class ServiceRolePool implements BeforeAllCallback, AfterAllCallback {

    private final int size;
    private Pool pool;
    private TenantTransactions transactions;

    public ServiceRolePool(int size) {
        this.size = size;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        pool = AppRolePools.open(TestDatabase.shared(), size);
        transactions = new TenantTransactions(pool);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pool.closeAndAwait();
    }

    public TestDatabase database() {
        return TestDatabase.shared();
    }

    public Pool pool() {
        return pool;
    }

    public TenantTransactions transactions() {
        return transactions;
    }
}
