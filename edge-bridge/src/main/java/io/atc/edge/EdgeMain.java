package io.atc.edge;

import io.atc.core.startup.StartupExitHandler;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Runs the edge-bridge; bad configuration is refused the one way every refusal is made (docs/operations.md). */
@QuarkusMain
public class EdgeMain {

    public static void main(String... args) {
        StartupExitHandler.runService(args);
    }
}
