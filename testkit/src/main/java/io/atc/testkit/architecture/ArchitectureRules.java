package io.atc.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structural rules every module keeps, in one place so each module's {@code ArchitectureTests}
 * states which rules apply to it rather than restating them.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** The module's production classes under {@code rootPackage}, tests excluded. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Packages import each other in one direction: a cycle between two packages is a design bug. */
    public static ArchRule noCyclesBetweenPackagesOf(String rootPackage) {
        return slices().matching(rootPackage + ".(**)")
                .should().beFreeOfCycles()
                .because("packages import each other in one direction (docs/architecture.md)");
    }

    /**
     * Vert.x's internal API ({@code io.vertx..impl..}, and its {@code *Internal} types) changes between
     * minor versions: one adapter class uses it, with the reason in its comment, so an upgrade touches one file.
     */
    public static ArchRule onlyTheAdapterUsesVertxInternals(Class<?> adapter) {
        return noClasses().that().doNotBelongToAnyOf(adapter)
                .should().dependOnClassesThat(vertxInternal())
                .because("an upgrade of Vert.x should touch one adapter class, " + adapter.getSimpleName());
    }

    private static DescribedPredicate<JavaClass> vertxInternal() {
        return DescribedPredicate.describe("are Vert.x internals",
                type -> type.getPackageName().matches("io\\.vertx\\.(.+\\.)?(impl|internal)(\\..+)?")
                        || type.getPackageName().startsWith("io.vertx.") && type.getSimpleName().endsWith("Internal"));
    }

    /** A resource is thin: it calls the feature's logic and never reaches a database pool itself. */
    public static ArchRule resourcesNeverTouchADatabasePool() {
        return noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .or().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..",
                        "io.vertx.mutiny.pgclient..", "java.sql..", "javax.sql..")
                .because("resources stay thin; tenant transactions and cross-tenant reads have their own homes");
    }
}
