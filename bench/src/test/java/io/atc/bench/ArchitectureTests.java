package io.atc.bench;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.atc.testkit.architecture.ArchitectureRules;

/** The structural rules of this module (docs/architecture.md); ArchitectureRules holds their wording. */
class ArchitectureTests {

    private static final String ROOT = "io.atc.bench";
    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void noCyclesBetweenPackages() {
        ArchitectureRules.noCyclesBetweenPackagesOf(ROOT).allowEmptyShould(true).check(CLASSES);
    }

    /** The benchmarks hold pools of their own (they measure them), but bind tenants only through TenantBinding. */
    @Test
    void onlyTenancyBindsATenant() {
        ArchitectureRules.onlyTenancyBindsATenant().allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void everyClassLivesUnderItsRootPackage() {
        ArchitectureRules.everyClassLivesUnder(ROOT).check(ArchitectureRules.classesOfTheModuleOf(ChainFill.class));
    }
}
