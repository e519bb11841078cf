package io.atc.testkit.architecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The rules every module with tenant code keeps, run for the module under {@code root}: a
 * module's {@code ArchitectureTests} extends this and adds only the rules that are its own.
 */
public abstract class ModuleArchitectureTests {

    protected final String root;
    protected final JavaClasses classes;

    protected ModuleArchitectureTests(String root) {
        this.root = root;
        this.classes = ArchitectureRules.productionClasses(root);
    }

    @Test
    void noCyclesBetweenPackages() {
        ArchitectureRules.noCyclesBetweenPackagesOf(root).allowEmptyShould(true).check(classes);
    }

    @Test
    void resourcesNeverTouchADatabasePool() {
        ArchitectureRules.resourcesNeverTouchADatabasePool()
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTenancyTouchesADatabaseConnection() {
        ArchitectureRules.onlyTenancyTouchesADatabaseConnection()
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTenancyBindsATenant() {
        ArchitectureRules.onlyTenancyBindsATenant().allowEmptyShould(true).check(classes);
    }
}
