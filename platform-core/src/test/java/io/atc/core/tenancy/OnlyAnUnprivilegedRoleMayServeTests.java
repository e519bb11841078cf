package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.atc.schema.RowLevelSecurityCatalog;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.postgres.ThrowawayRole;

/**
 * The rules that decide whether a role may be a service's login role (tenancy.service_role_problems,
 * applied by the migrator through {@link RowLevelSecurityCatalog} and by every service at start-up):
 * the service role passes; the real schema owner, any member of it and a copy of the service role
 * given one privilege too many by a careless operator are each refused, with the reason named.
 * Breaks when: a rule is dropped from the function (each case names the reason it needs). Before V13
 * the catalog kept a narrower copy of its own (no REPLICATION, CREATE, TRUNCATE/REFERENCES/TRIGGER,
 * audit writes or grant options) and services checked only SUPERUSER and BYPASSRLS; the start-up
 * half is shown failing on that code by BadConfigurationFailsFastIT.
 */
class OnlyAnUnprivilegedRoleMayServeTests {

    private static final TestDatabase DATABASE = TestDatabase.shared();

    @Test
    void theServiceRoleMayServe() throws Exception {
        assertThat(problems(DATABASE.target().appUser())).isEmpty();
    }

    @Test
    void theRetentionServicesRoleMayServe() throws Exception {
        assertThat(problems(DATABASE.target().retentionUser())).isEmpty();
    }

    @Test
    void aRoleThatOnlyInheritsTheServiceGrantsMayServe() throws Exception {
        try (ThrowawayRole role =
                ThrowawayRole.create(DATABASE, "in role " + DATABASE.target().appUser())) {
            assertThat(problems(role.name())).isEmpty();
        }
    }

    @Test
    void theSchemaOwnerMayNot() throws Exception {
        String owner = DATABASE.target().ownerUser();
        assertThat(problems(owner)).anySatisfy(problem -> assertThat(problem)
                .startsWith("service role " + owner + " owns database " + DATABASE.name()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"inherit", "noinherit"})
    void noMemberOfTheSchemaOwnerMay(String inheritance) throws Exception {
        String owner = DATABASE.target().ownerUser();
        try (ThrowawayRole role = ThrowawayRole.create(DATABASE, inheritance + " in role " + owner)) {
            assertThat(problems(role.name()))
                    .first()
                    .asString()
                    .startsWith("service role " + role.name() + " is a member of " + owner + ", which owns database");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alter role %s bypassrls                                  | has BYPASSRLS
            alter role %s createrole                                 | may create roles (CREATEROLE)
            alter role %s createdb                                   | may create databases (CREATEDB)
            alter role %s replication                                | has REPLICATION
            grant pg_write_all_data to %s                            | is a member of pg_write_all_data, which may write the audit tables directly: audit.chain_heads (DELETE)
            create schema scratch_of_%s authorization %<s            | owns schema scratch_of_
            grant create on schema audit to %s                       | may create objects in schema audit
            grant create on schema public to %s                      | may create objects in schema public
            grant create on database {database} to %s                | may create objects in database
            grant truncate on tenancy.sites to %s                    | holds TRUNCATE, REFERENCES or TRIGGER on tenancy.sites (TRUNCATE)
            grant references (tenant_id) on keys.api_keys to %s      | holds TRUNCATE, REFERENCES or TRIGGER on keys.api_keys (REFERENCES)
            grant trigger on edge.devices to %s                      | holds TRUNCATE, REFERENCES or TRIGGER on edge.devices (TRIGGER)
            grant delete on audit.events to %s                       | may write the audit tables directly: audit.events (DELETE)
            grant update (payload) on audit.events to %s             | may write the audit tables directly: audit.events (UPDATE)
            grant insert on audit.chain_heads to %s                  | may write the audit tables directly: audit.chain_heads (INSERT)
            grant select on tenancy.sites to %s with grant option    | may grant others its privileges on tenancy.sites (SELECT)
            """)
    void aCopyOfTheServiceRoleWithOnePrivilegeTooManyMayNot(String extra, String problem) throws Exception {
        try (ThrowawayRole role =
                ThrowawayRole.create(DATABASE, "in role " + DATABASE.target().appUser())) {
            role.apply(extra.replace("{database}", DATABASE.name()));
            assertThat(problems(role.name())).as(extra).anySatisfy(reason -> assertThat(reason)
                    .startsWith("service role " + role.name() + " " + problem));
        }
    }

    @Test
    void aRoleThatDoesNotExistMayNot() throws Exception {
        assertThat(problems("atc_no_such_role")).containsExactly("service role atc_no_such_role does not exist");
    }

    private static List<String> problems(String role) throws Exception {
        try (Connection owner = DATABASE.connectAsOwner()) {
            return RowLevelSecurityCatalog.violations(owner, role);
        }
    }
}
