package io.atc.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Applies the migrations as the owner role, then proves the result: the tenant-isolation
 * contract is read back from the catalog and a violating database is refused.
 */
public final class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class);

    private DatabaseMigrator() {}

    public static int migrate(DatabaseTarget target) {
        try (Connection owner =
                DriverManager.getConnection(target.jdbcUrl(), target.ownerUser(), target.ownerPassword())) {
            AppRoleProvisioner.ensureExists(owner, target.appUser(), target.appPassword());
            AppRoleProvisioner.ensureExists(owner, target.retentionUser(), target.retentionPassword());
            MigrateResult result = flyway(target).migrate();
            List<String> violations = RowLevelSecurityCatalog.violations(owner, target);
            if (!violations.isEmpty()) {
                throw new UnsafeSchemaException(violations);
            }
            LOG.infof(
                    "schema at version %s (%d migrations applied), tenant isolation verified",
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
            return result.migrationsExecuted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate " + target + ": " + e.getMessage(), e);
        }
    }

    private static Flyway flyway(DatabaseTarget target) {
        return Flyway.configure()
                .dataSource(target.jdbcUrl(), target.ownerUser(), target.ownerPassword())
                .locations("classpath:db/migration")
                .schemas(RowLevelSecurityCatalog.MIGRATIONS_SCHEMA)
                .createSchemas(true)
                .placeholders(Map.of("app_role", target.appUser(), "retention_role", target.retentionUser()))
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }
}
