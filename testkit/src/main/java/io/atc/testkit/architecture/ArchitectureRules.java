package io.atc.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The structural rules every module keeps, in one place so each module's {@code ArchitectureTests}
 * states which rules apply to it rather than restating them.
 */
public final class ArchitectureRules {

    private static final String REQUIRES_SCOPE = "io.atc.core.identity.RequiresScope";
    private static final String NOT_SCOPE_GATED = "io.atc.core.identity.NotScopeGated";

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

    /** A resource is thin: it calls the feature's logic and never reaches a database pool itself. */
    public static ArchRule resourcesNeverTouchADatabasePool() {
        return noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .or().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..",
                        "io.vertx.mutiny.pgclient..", "java.sql..", "javax.sql..")
                .because("resources stay thin; tenant transactions and cross-tenant reads have their own homes");
    }

    /**
     * Every resource method says who may call it: the scope it requires ({@code @RequiresScope}, enforced
     * by platform-core's ScopeCheck and stated in the OpenAPI document), or, for the few no tenant scope
     * gates (operator-only, console sign-in, internal), {@code @NotScopeGated} with the reason, on the
     * method or its class. A method with neither would serve any valid token whatever its scopes.
     */
    public static ArchRule everyResourceMethodDeclaresItsScope() {
        return methods().that().areMetaAnnotatedWith("jakarta.ws.rs.HttpMethod")
                .should(declareAScopeOrWhyNone())
                .because("a scope is declared at the endpoint and checked in one place (docs/keys.md, scopes)");
    }

    private static ArchCondition<JavaMethod> declareAScopeOrWhyNone() {
        return new ArchCondition<>("be annotated with @RequiresScope or @NotScopeGated") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = method.isAnnotatedWith(REQUIRES_SCOPE) || method.isAnnotatedWith(NOT_SCOPE_GATED)
                        || method.getOwner().isAnnotatedWith(NOT_SCOPE_GATED);
                events.add(new SimpleConditionEvent(method, declared, method.getFullName()
                        + (declared ? " declares its scope" : " declares neither @RequiresScope nor @NotScopeGated")));
            }
        };
    }
}
