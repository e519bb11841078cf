package io.atc.core;

import io.atc.testkit.architecture.ModuleArchitectureTests;

/** The structural rules of this module (docs/architecture.md); ArchitectureRules holds their wording. */
class ArchitectureTests extends ModuleArchitectureTests {

    ArchitectureTests() {
        super("io.atc.core");
    }
}
