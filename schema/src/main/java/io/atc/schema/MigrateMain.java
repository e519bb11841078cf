package io.atc.schema;

/**
 * Entry point for a migration job (Helm pre-install/pre-upgrade hook, or by hand):
 * reads ATC_DB_URL, ATC_DB_OWNER_USER/PASSWORD, ATC_DB_APP_USER/PASSWORD and ATC_DB_RETENTION_USER/PASSWORD
 * and migrates.
 */
public final class MigrateMain {

    private MigrateMain() {}

    public static void main(String[] args) {
        try {
            DatabaseMigrator.migrate(DatabaseTargets.fromEnvironment(System.getenv()));
        } catch (RuntimeException e) {
            System.err.println("ATC migration failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
