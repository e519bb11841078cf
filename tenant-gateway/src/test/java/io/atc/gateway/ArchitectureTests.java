package io.atc.gateway;

import org.junit.jupiter.api.Test;

import io.atc.gateway.vertx.VertxInternals;
import io.atc.testkit.architecture.ArchitectureRules;
import io.atc.testkit.architecture.ModuleArchitectureTests;

/** The structural rules of this module (docs/architecture.md); ArchitectureRules holds their wording. */
class ArchitectureTests extends ModuleArchitectureTests {

    ArchitectureTests() {
        super("io.atc.gateway");
    }

    @Test
    void onlyVertxInternalsUsesVertxInternalApi() {
        ArchitectureRules.onlyTheAdapterUsesVertxInternals(VertxInternals.class).check(classes);
    }
}
