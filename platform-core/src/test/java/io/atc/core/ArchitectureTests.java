package io.atc.core;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.atc.testkit.architecture.ArchitectureRules;

/** The structural rules of this module (docs/architecture.md); ArchitectureRules holds their wording. */
class ArchitectureTests {

    private static final String ROOT = "io.atc.core";
    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void noCyclesBetweenPackages() {
        ArchitectureRules.noCyclesBetweenPackagesOf(ROOT).allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void resourcesNeverTouchADatabasePool() {
        ArchitectureRules.resourcesNeverTouchADatabasePool()
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyTenancyTouchesADatabaseConnection() {
        ArchitectureRules.onlyTenancyTouchesADatabaseConnection()
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyTenancyBindsATenant() {
        ArchitectureRules.onlyTenancyBindsATenant().allowEmptyShould(true).check(CLASSES);
    }
}
