package io.atc.retention;

import io.atc.core.startup.StartupExitHandler;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Runs the retention-service; bad configuration is refused the one way every refusal is made (docs/operations.md). */
@QuarkusMain
public class RetentionMain {

    public static void main(String... args) {
        StartupExitHandler.runService(args);
    }
}
