package io.atc.retention;

import org.junit.jupiter.api.Test;

import io.atc.testkit.architecture.ArchitectureRules;
import io.atc.testkit.architecture.ModuleArchitectureTests;

/** The structural rules of this module (docs/architecture.md); ArchitectureRules holds their wording. */
class ArchitectureTests extends ModuleArchitectureTests {

    ArchitectureTests() {
        super("io.atc.retention");
    }

    @Test
    void everyResourceMethodDeclaresItsScope() {
        ArchitectureRules.everyResourceMethodDeclaresItsScope().check(classes);
    }
}
