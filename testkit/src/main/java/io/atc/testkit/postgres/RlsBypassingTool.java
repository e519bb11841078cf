package io.atc.testkit.postgres;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;

/**
 * A reactive pool on the run's database as an operator's tool might connect: a role with the
 * service grants that bypasses row level security (BYPASSRLS), so only the statements' own tenant
 * predicates keep one tenant's work to that tenant. Open for one test class:
 * {@code @RegisterExtension static final RlsBypassingTool TOOL = new RlsBypassingTool();}
 */
public final class RlsBypassingTool implements BeforeAllCallback, AfterAllCallback {

    private ThrowawayRole role;
    private Pool pool;

    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabase database = TestDatabase.shared();
        role = ThrowawayRole.create(
                database, "bypassrls in role " + database.target().appUser());
        pool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(role.connectOptions())
                .build());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pool.closeAndAwait();
        role.close();
    }

    public Pool pool() {
        return pool;
    }
}
