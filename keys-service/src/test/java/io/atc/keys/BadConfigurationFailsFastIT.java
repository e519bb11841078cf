package io.atc.keys;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.postgres.ThrowawayRole;
import io.atc.testkit.quarkus.PackagedServiceRefusal;

/**
 * The packaged service, started with bad configuration, as a role that could reach past row level
 * security or the service grants (the real schema owner, a member of it, a careless copy of the
 * service role), or on a database whose audit history cannot be trusted, exits non-zero within
 * seconds and says why in one log line, without a stack trace or a password. Runs against the
 * built jar (failsafe).
 */
class BadConfigurationFailsFastIT {

    @Test
    void unreachableDatabase() throws Exception {
        assertRefused(Map.of("ATC_DB_URL", "postgresql://127.0.0.1:1/atc"), "no server answers there");
    }

    @Test
    void databaseThatDoesNotExist() throws Exception {
        TestDatabase database = TestDatabase.shared();
        assertRefused(
                Map.of(
                        "ATC_DB_URL",
                        database.server().uri("atc_no_such_database"),
                        "ATC_DB_APP_USER",
                        database.target().appUser(),
                        "ATC_DB_APP_PASSWORD",
                        database.target().appPassword()),
                "the database does not exist");
    }

    @Test
    void credentialsTheDatabaseRejects() throws Exception {
        TestDatabase database = TestDatabase.shared();
        assertRefused(
                Map.of("ATC_DB_URL", database.target().uri(), "ATC_DB_APP_USER", "atc_no_such_role"),
                "authentication failed");
    }

    @Test
    void aRoleThatBypassesRowLevelSecurity() throws Exception {
        TestDatabase database = TestDatabase.shared();
        assertRefused(
                Map.of(
                        "ATC_DB_URL",
                        database.target().uri(),
                        "ATC_DB_APP_USER",
                        database.server().adminUser(),
                        "ATC_DB_APP_PASSWORD",
                        database.server().adminPassword()),
                "must be NOSUPERUSER and NOBYPASSRLS",
                "it is superuser");
    }

    /** Breaks when: the start-up check looks only at SUPERUSER and BYPASSRLS (main before V13 started as the owner). */
    @Test
    void theSchemaOwnerRole() throws Exception {
        TestDatabase database = TestDatabase.shared();
        String owner = database.target().ownerUser();
        assertRefused(
                Map.of(
                        "ATC_DB_URL",
                        database.target().uri(),
                        "ATC_DB_APP_USER",
                        owner,
                        "ATC_DB_APP_PASSWORD",
                        database.target().ownerPassword()),
                "refusing to run as " + owner,
                "it owns database " + database.name());
    }

    /**
     * Breaks when: memberships are not followed (the member owns nothing itself, yet inherits the
     * owner's rights and its owner-only policies: main served as it).
     */
    @Test
    void aRoleThatIsAMemberOfTheSchemaOwner() throws Exception {
        TestDatabase database = TestDatabase.shared();
        String owner = database.target().ownerUser();
        try (ThrowawayRole member = ThrowawayRole.create(database, "in role " + owner)) {
            assertRefused(
                    as(database, member),
                    "refusing to run as " + member.name(),
                    "it is a member of " + owner + ", which owns database " + database.name());
        }
    }

    /** Breaks when: privileges beyond the service grants are not checked (main started with all of these). */
    @Test
    void aCopyOfTheServiceRoleWithPrivilegesBeyondTheServiceGrants() throws Exception {
        TestDatabase database = TestDatabase.shared();
        try (ThrowawayRole careless = ThrowawayRole.create(
                database, "createdb in role " + database.target().appUser())) {
            careless.apply("grant create on schema audit to %s").apply("grant truncate, delete on audit.events to %s");
            assertRefused(
                    as(database, careless),
                    "refusing to run as " + careless.name(),
                    "it may create databases (CREATEDB)",
                    "it may create objects in schema audit",
                    "it holds TRUNCATE, REFERENCES or TRIGGER on audit.events (TRUNCATE)",
                    "it may write the audit tables directly: audit.events (DELETE)");
        }
    }

    @Test
    void missingInternalTokenKey() throws Exception {
        TestDatabase database = TestDatabase.shared();
        Map<String, String> env = new HashMap<>(goodDatabase(database));
        env.put("ATC_INTERNAL_JWT_PUBLIC_KEY", null);
        assertRefused(env, "ATC_INTERNAL_JWT_PUBLIC_KEY is not set");
    }

    @Test
    void aTenantWhoseAuditChainHasNoHead() throws Exception {
        TestDatabase scratch = TestDatabase.scratch();
        try {
            UUID headless = UUID.randomUUID();
            try (Connection owner = scratch.connectAsOwner();
                    Statement sql = owner.createStatement()) {
                owner.setAutoCommit(false);
                sql.execute("alter table tenancy.tenants disable trigger tenants_have_chain_head");
                SyntheticOrganisations.bindTenant(owner, headless);
                sql.execute("insert into tenancy.tenants (tenant_id, name) values ('" + headless + "', 'headless')");
                owner.commit();
            }
            assertRefused(goodDatabase(scratch), "ATC-STARTUP-AUDIT", headless.toString());
        } finally {
            scratch.drop();
        }
    }

    @Test
    void missingPepper() throws Exception {
        Map<String, String> env = new HashMap<>(goodDatabase(TestDatabase.shared()));
        env.put("ATC_KEYS_PEPPER", null);
        assertRefused(env, "ATC_KEYS_PEPPER is not set");
    }

    /** Breaks when: the services' main runs without StartupExitHandler (Quarkus prints its own report and exits 1). */
    @Test
    void argon2BelowTheOwaspMinimum() throws Exception {
        Map<String, String> env = new HashMap<>(goodDatabase(TestDatabase.shared()));
        env.put("ATC_KEYS_ARGON2_MEMORY_KIB", "1024");
        assertRefused(env, "ATC-STARTUP-CONFIG ATC_KEYS_ARGON2_MEMORY_KIB: must be greater than or equal to 19456");
    }

    /** Breaks when: a verify mode without a CA bundle is let through (every connection would then fail, or trust anyone). */
    @Test
    void verifyFullWithoutACaBundle() throws Exception {
        Map<String, String> env = new HashMap<>(goodDatabase(TestDatabase.shared()));
        env.put("ATC_DB_SSL_MODE", "verify-full");
        assertRefused(env, "ATC-STARTUP-CONFIG ATC_DB_SSL_ROOT_CERT is not set: ATC_DB_SSL_MODE=verify-full");
    }

    @Test
    void aCaBundleThatIsNotThere() throws Exception {
        Map<String, String> env = new HashMap<>(goodDatabase(TestDatabase.shared()));
        env.put("ATC_DB_SSL_MODE", "verify-ca");
        env.put("ATC_DB_SSL_ROOT_CERT", "/nonexistent/atc-db-ca.pem");
        assertRefused(env, "ATC-STARTUP-CONFIG ATC_DB_SSL_ROOT_CERT: cannot read a PEM CA bundle from /nonexistent");
    }

    /** One rule for TLS: the two settings; an sslmode inside the URL would be read by some clients and not others. */
    @Test
    void sslmodeInsideTheUrl() throws Exception {
        Map<String, String> env = new HashMap<>(goodDatabase(TestDatabase.shared()));
        env.put("ATC_DB_URL", TestDatabase.shared().target().uri() + "?sslmode=disable");
        assertRefused(env, "ATC-STARTUP-CONFIG ATC_DB_URL: carries sslmode");
    }

    @Test
    void anSslModeLibpqDoesNotKnow() throws Exception {
        Map<String, String> env = new HashMap<>(goodDatabase(TestDatabase.shared()));
        env.put("ATC_DB_SSL_MODE", "verify_everything");
        assertRefused(env, "ATC-STARTUP-CONFIG ATC_DB_SSL_MODE");
    }

    private static Map<String, String> goodDatabase(TestDatabase database) {
        return Map.of(
                "ATC_DB_URL",
                database.target().uri(),
                "ATC_DB_APP_USER",
                database.target().appUser(),
                "ATC_DB_APP_PASSWORD",
                database.target().appPassword());
    }

    private static Map<String, String> as(TestDatabase database, ThrowawayRole role) {
        return Map.of(
                "ATC_DB_URL",
                database.target().uri(),
                "ATC_DB_APP_USER",
                role.name(),
                "ATC_DB_APP_PASSWORD",
                role.password());
    }

    private static void assertRefused(Map<String, String> overrides, String... reasons) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ATC_KEYS_PORT", "0");
        env.put("ATC_KEYS_MANAGEMENT_PORT", "0");
        env.put("ATC_LOG_JSON", "false");
        env.put("ATC_DB_STARTUP_TIMEOUT", "5s");
        env.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        env.put("ATC_KEYS_PEPPER", KeysServiceTestResources.PEPPER);
        env.putAll(overrides);
        PackagedServiceRefusal.assertRefused(env, reasons);
    }
}
