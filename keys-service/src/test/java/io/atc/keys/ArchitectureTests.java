package io.atc.keys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.architecture.ArchitectureRules;
import io.atc.testkit.architecture.ModuleArchitectureTests;

/** The structural rules of this module (docs/architecture.md); ArchitectureRules holds their wording. */
class ArchitectureTests extends ModuleArchitectureTests {

    ArchitectureTests() {
        super("io.atc.keys");
    }

    @Test
    void everyResourceMethodDeclaresItsScope() {
        ArchitectureRules.everyResourceMethodDeclaresItsScope().check(classes);
    }

    /** The one unaudited write of this service is the gateways' report of key uses (docs/keys.md, "Last used"). */
    @Test
    void onlyKeyUsesWriteWithoutAnAuditEvent() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.atc.keys.apikeys.usage..")
                .should()
                .callMethod(TenantTransactions.class, "bookkeeping", UUID.class, Function.class)
                .orShould()
                .callMethod(TenantTransactions.class, "stepOfAuditedOperation", UUID.class, Function.class)
                .because("every change a caller makes is a TenantTransactions.mutate, which appends its audit event")
                .check(classes);
    }
}
