package io.atc.core.startup;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.atc.core.config.DatabaseConfig;
import io.atc.core.config.DatabaseTls;
import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A service refuses to start, with one line that says why, when its database TLS settings cannot be
 * used ({@link DatabaseTls#problem}: a verify mode without a readable CA bundle, TLS set inside
 * ATC_DB_URL), when it cannot reach its database,
 * when it would reach it as a role that could step outside row level security or the service
 * grants (superuser, BYPASSRLS, the schema owner or a member of it, extra privileges: the rules are
 * the database's own, tenancy.service_role_problems, which the migrator applies too), or when any
 * tenant's audit chain has no initialised head (its history could not be trusted).
 */
@ApplicationScoped
public class DatabaseStartupCheck {

    private final CrossTenantReads reads;
    private final String url;
    private final String user;
    private final Duration timeout;
    private final DatabaseTls tls;

    public DatabaseStartupCheck(CrossTenantReads reads, DatabaseConfig database) {
        this.reads = reads;
        this.url = database.url();
        this.user = database.appUser();
        this.timeout = database.startupTimeout();
        this.tls = DatabaseTls.of(database);
    }

    void onStart(@Observes StartupEvent event) {
        var tlsProblem = tls.problem(url);
        if (tlsProblem.isPresent()) {
            StartupRefusal.refuse("ATC-STARTUP-CONFIG " + tlsProblem.get());
            return;
        }
        List<Row> problems;
        try {
            problems = reads.read(CrossTenantRead.SERVICE_ROLE_PROBLEMS).await().atMost(timeout).stream()
                    .toList();
        } catch (RuntimeException e) {
            StartupRefusal.refuse("ATC-STARTUP-DB cannot use the database at " + redact(url) + " as " + user + ": "
                    + DatabaseFailures.describe(e, timeout, tls));
            return;
        }
        if (!problems.isEmpty()) {
            StartupRefusal.refuse(
                    "ATC-STARTUP-DB refusing to run as " + problems.get(0).getString("role")
                            + ": the service role must be NOSUPERUSER and NOBYPASSRLS, own nothing and hold only the service"
                            + " grants, so that row level security applies (docs/operations.md, \"The service role\"); it "
                            + String.join(
                                    "; it ",
                                    problems.stream()
                                            .map(row -> row.getString("problem"))
                                            .toList()));
            return;
        }
        List<String> headless = reads.read(CrossTenantRead.TENANTS_WITHOUT_CHAIN_HEAD).await().atMost(timeout).stream()
                .map(row -> row.getUUID(0).toString())
                .toList();
        if (!headless.isEmpty()) {
            StartupRefusal.refuse("ATC-STARTUP-AUDIT refusing to start: " + headless.size()
                    + " tenant(s) have no initialised audit chain head: " + String.join(", ", headless));
        }
    }

    private static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }
}
