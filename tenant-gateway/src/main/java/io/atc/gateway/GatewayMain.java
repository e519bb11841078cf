package io.atc.gateway;

import io.atc.core.startup.StartupExitHandler;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Runs the gateway; bad configuration is refused the one way every refusal is made (docs/operations.md). */
@QuarkusMain
public class GatewayMain {

    public static void main(String... args) {
        StartupExitHandler.runService(args);
    }
}
