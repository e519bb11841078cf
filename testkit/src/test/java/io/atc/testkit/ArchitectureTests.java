package io.atc.testkit;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.atc.testkit.architecture.ArchitectureRules;

/** The structural rules of this module (docs/architecture.md); ArchitectureRules holds their wording. */
class ArchitectureTests {

    private static final String ROOT = "io.atc.testkit";
    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void noCyclesBetweenPackages() {
        ArchitectureRules.noCyclesBetweenPackagesOf(ROOT).allowEmptyShould(true).check(CLASSES);
    }

    /** schema and dev-services sit below testkit and cannot use it, so their rules are checked here. */
    @Test
    void noCyclesBetweenPackagesOfTheModulesBelowTestkit() {
        for (String root : new String[] {"io.atc.schema", "io.atc.devservices"}) {
            ArchitectureRules.noCyclesBetweenPackagesOf(root)
                    .allowEmptyShould(true)
                    .check(ArchitectureRules.productionClasses(root));
        }
    }
}
