package io.atc.keys;

import io.atc.core.startup.StartupExitHandler;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Runs the keys-service; bad configuration is refused the one way every refusal is made (docs/operations.md). */
@QuarkusMain
public class KeysMain {

    public static void main(String... args) {
        StartupExitHandler.runService(args);
    }
}
