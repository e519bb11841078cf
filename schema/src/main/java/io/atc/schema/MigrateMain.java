package io.atc.schema;

/**
 * Entry point for a migration job (Helm pre-install/pre-upgrade hook, or by hand):
 * reads ATC_DB_URL, ATC_DB_SSL_MODE/ROOT_CERT, ATC_DB_OWNER_USER/PASSWORD, ATC_DB_APP_USER/PASSWORD and
 * ATC_DB_RETENTION_USER/PASSWORD and migrates. Settings it cannot use are refused before any connection,
 * as the services refuse them: one {@code ATC-STARTUP-CONFIG} line, exit 78 (docs/operations.md).
 */
public final class MigrateMain {

    private MigrateMain() {}

    /** EX_CONFIG, as a service's start-up refusal (io.atc.core.startup.StartupRefusal). */
    static final int CONFIG_REFUSED = 78;

    public static void main(String[] args) {
        DatabaseTarget target;
        try {
            target = DatabaseTargets.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("ATC-STARTUP-CONFIG " + e.getMessage());
            System.exit(CONFIG_REFUSED);
            return;
        }
        try {
            DatabaseMigrator.migrate(target);
        } catch (RuntimeException e) {
            System.err.println("ATC migration failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
