package io.atc.audit;

import io.atc.core.startup.StartupExitHandler;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Runs the audit-service; bad configuration is refused the one way every refusal is made (docs/operations.md). */
@QuarkusMain
public class AuditMain {

    public static void main(String... args) {
        StartupExitHandler.runService(args);
    }
}
