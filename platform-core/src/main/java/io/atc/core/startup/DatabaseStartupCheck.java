package io.atc.core.startup;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A service refuses to start, with one line that says why, when it cannot reach its database,
 * when it would reach it as a role able to bypass row level security, or when any tenant's audit
 * chain has no initialised head (its history could not be trusted).
 */
@ApplicationScoped
public class DatabaseStartupCheck {

    private static final String WHO_AM_I = """
            select current_user as role, r.rolsuper, r.rolbypassrls
              from pg_roles r where r.rolname = current_user
            """;

    private static final String TENANTS_WITHOUT_CHAIN_HEAD = "select audit.tenants_without_chain_head()";

    private final Pool pool;
    private final String url;
    private final String user;
    private final Duration timeout;

    public DatabaseStartupCheck(Pool pool,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "atc.db.startup-timeout", defaultValue = "15s") Duration timeout) {
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.timeout = timeout;
    }

    void onStart(@Observes StartupEvent event) {
        Row me;
        try {
            me = pool.query(WHO_AM_I).execute().await().atMost(timeout).iterator().next();
        } catch (RuntimeException e) {
            StartupRefusal.refuse("ATC-STARTUP-DB cannot use the database at " + redact(url) + " as " + user + ": "
                    + DatabaseFailures.describe(e, timeout));
            return;
        }
        if (me.getBoolean("rolsuper") || me.getBoolean("rolbypassrls")) {
            StartupRefusal.refuse("ATC-STARTUP-DB refusing to run as " + me.getString("role")
                    + ": the service role must be NOSUPERUSER and NOBYPASSRLS so that row level security applies");
            return;
        }
        List<String> headless = pool.query(TENANTS_WITHOUT_CHAIN_HEAD).execute().await().atMost(timeout)
                .stream().map(row -> row.getUUID(0).toString()).toList();
        if (!headless.isEmpty()) {
            StartupRefusal.refuse("ATC-STARTUP-AUDIT refusing to start: " + headless.size()
                    + " tenant(s) have no initialised audit chain head: " + String.join(", ", headless));
        }
    }

    private static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }
}
