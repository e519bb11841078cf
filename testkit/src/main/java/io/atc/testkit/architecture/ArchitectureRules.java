package io.atc.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The structural rules every module keeps, in one place so each module's {@code ArchitectureTests}
 * states which rules apply to it rather than restating them.
 */
public final class ArchitectureRules {

    /** Where tenant transactions are opened and bound, and cross-tenant reads made: platform-core's tenancy. */
    public static final String TENANCY = "io.atc.core.tenancy..";

    /**
     * The only places besides {@link #TENANCY} that hold a database connection of their own, and
     * why (docs/architecture.md, "Cross-tenant reads"). Every other class reaches the database
     * through TenantTransactions or CrossTenantReads.
     */
    public static final Map<String, String> OWN_CONNECTIONS = Map.of(
            "io.atc.core.listen..",
            "LISTEN connections: they receive NOTIFY payloads and read no rows",
            "io.atc.audit.cli..",
            "audit-verify, the operator's offline verifier: a JDBC connection of its own;"
                    + " it binds through TenantBinding and lists tenants through CrossTenantRead.AUDITED_TENANTS");

    /** The types that are a database pool or connection: whoever holds one can run any statement, bound or not. */
    private static final Set<String> POOLS_AND_CONNECTIONS = Set.of(
            "io.vertx.sqlclient.Pool",
            "io.vertx.mutiny.sqlclient.Pool",
            "io.vertx.sqlclient.SqlClient",
            "io.vertx.mutiny.sqlclient.SqlClient",
            "io.vertx.sqlclient.SqlConnection",
            "io.vertx.mutiny.sqlclient.SqlConnection",
            "io.vertx.pgclient.PgPool",
            "io.vertx.mutiny.pgclient.PgPool",
            "io.vertx.pgclient.PgConnection",
            "io.vertx.mutiny.pgclient.PgConnection",
            "io.vertx.pgclient.PgBuilder",
            "io.vertx.pgclient.pubsub.PgSubscriber",
            "io.vertx.mutiny.pgclient.pubsub.PgSubscriber",
            "java.sql.Connection",
            "java.sql.DriverManager",
            "javax.sql.DataSource");

    /** The name of the setting row level security reads; only the tenancy package may set it. */
    private static final String TENANT_SETTING = "atc.tenant_id";

    private static final String REQUIRES_SCOPE = "io.atc.core.identity.RequiresScope";
    private static final String NOT_SCOPE_GATED = "io.atc.core.identity.NotScopeGated";

    private ArchitectureRules() {}

    /** The module's production classes under {@code rootPackage}, tests excluded. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Every production class of the module {@code member} belongs to, whatever its package. */
    public static JavaClasses classesOfTheModuleOf(Class<?> member) {
        return new ClassFileImporter()
                .importLocations(Set.of(
                        Location.of(member.getProtectionDomain().getCodeSource().getLocation())));
    }

    /** A module keeps to its own packages: it reaches another module through that module's public surface. */
    public static ArchRule everyClassLivesUnder(String rootPackage) {
        return classes()
                .should()
                .resideInAPackage(rootPackage + "..")
                .because("a class placed in another module's package to reach its package-private members"
                        + " hides a dependency; give those members a public surface instead");
    }

    /** Packages import each other in one direction: a cycle between two packages is a design bug. */
    public static ArchRule noCyclesBetweenPackagesOf(String rootPackage) {
        return slices().matching(rootPackage + ".(**)")
                .should()
                .beFreeOfCycles()
                .because("packages import each other in one direction (docs/architecture.md)");
    }

    /**
     * Vert.x's internal API ({@code io.vertx..impl..}, and its {@code *Internal} types) changes between
     * minor versions: one adapter class uses it, with the reason in its comment, so an upgrade touches one file.
     */
    public static ArchRule onlyTheAdapterUsesVertxInternals(Class<?> adapter) {
        return noClasses()
                .that()
                .doNotBelongToAnyOf(adapter)
                .should()
                .dependOnClassesThat(vertxInternal())
                .because("an upgrade of Vert.x should touch one adapter class, " + adapter.getSimpleName());
    }

    private static DescribedPredicate<JavaClass> vertxInternal() {
        return DescribedPredicate.describe(
                "are Vert.x internals",
                type -> type.getPackageName().matches("io\\.vertx\\.(.+\\.)?(impl|internal)(\\..+)?")
                        || type.getPackageName().startsWith("io.vertx.")
                                && type.getSimpleName().endsWith("Internal"));
    }

    /** A resource is thin: it calls the feature's logic and never reaches a database pool itself. */
    public static ArchRule resourcesNeverTouchADatabasePool() {
        return noClasses()
                .that()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .or()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.vertx.sqlclient..",
                        "io.vertx.mutiny.sqlclient..",
                        "io.vertx.pgclient..",
                        "io.vertx.mutiny.pgclient..",
                        "java.sql..",
                        "javax.sql..")
                .because("resources stay thin; tenant transactions and cross-tenant reads have their own homes");
    }

    /**
     * Only the tenancy package (and the {@link #OWN_CONNECTIONS}) holds a database pool or
     * connection: everything else runs its statements in a tenant transaction or as a named
     * cross-tenant read, so a reviewer finds every read across tenants in CrossTenantRead.
     */
    public static ArchRule onlyTenancyTouchesADatabaseConnection() {
        String[] allowed = new String[OWN_CONNECTIONS.size() + 1];
        allowed[0] = TENANCY;
        System.arraycopy(OWN_CONNECTIONS.keySet().toArray(String[]::new), 0, allowed, 1, OWN_CONNECTIONS.size());
        return noClasses()
                .that()
                .resideOutsideOfPackages(allowed)
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are a database pool or connection",
                        (JavaClass type) -> POOLS_AND_CONNECTIONS.contains(type.getName())))
                .because("tenant data is reached through TenantTransactions, other rows through CrossTenantReads"
                        + " (docs/architecture.md, \"Cross-tenant reads\")");
    }

    /**
     * Only the tenancy package binds a transaction to a tenant: no other class's bytecode names the
     * setting row level security reads (a constant copied in from elsewhere counts too, since the
     * compiler inlines it).
     */
    public static ArchRule onlyTenancyBindsATenant() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(TENANCY)
                .should(new ArchCondition<JavaClass>("name the setting " + TENANT_SETTING) {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (bytecodeOf(type).contains(TENANT_SETTING)) {
                            events.add(SimpleConditionEvent.satisfied(
                                    type,
                                    type.getName() + " names " + TENANT_SETTING
                                            + ": bind through TenantTransactions or TenantBinding"));
                        }
                    }
                })
                .because("the tenant binding has one home, TenantBinding (docs/architecture.md)");
    }

    /** The class file as text: string constants stand in it as written (ASCII is its own modified UTF-8). */
    private static String bytecodeOf(JavaClass type) {
        if (type.getSource().isEmpty()) {
            return "";
        }
        try (InputStream in = type.getSource().get().getUri().toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every resource method says who may call it: the scope it requires ({@code @RequiresScope}, enforced
     * by platform-core's ScopeCheck and stated in the OpenAPI document), or, for the few no tenant scope
     * gates (operator-only, console sign-in, internal), {@code @NotScopeGated} with the reason, on the
     * method or its class. A method with neither would serve any valid token whatever its scopes.
     */
    public static ArchRule everyResourceMethodDeclaresItsScope() {
        return methods()
                .that()
                .areMetaAnnotatedWith("jakarta.ws.rs.HttpMethod")
                .should(declareAScopeOrWhyNone())
                .because("a scope is declared at the endpoint and checked in one place (docs/keys.md, scopes)");
    }

    private static ArchCondition<JavaMethod> declareAScopeOrWhyNone() {
        return new ArchCondition<>("be annotated with @RequiresScope or @NotScopeGated") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = method.isAnnotatedWith(REQUIRES_SCOPE)
                        || method.isAnnotatedWith(NOT_SCOPE_GATED)
                        || method.getOwner().isAnnotatedWith(NOT_SCOPE_GATED);
                events.add(new SimpleConditionEvent(
                        method,
                        declared,
                        method.getFullName()
                                + (declared
                                        ? " declares its scope"
                                        : " declares neither @RequiresScope nor @NotScopeGated")));
            }
        };
    }
}
