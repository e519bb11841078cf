package io.atc.testkit.quarkus;

import java.util.Map;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at the run's fresh database (as the service role) and at the
 * run's internal-token key. Use with {@code @QuarkusTestResource(AtcTestResources.class)}.
 */
public class AtcTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestDatabase database = TestDatabase.shared();
        return Map.of(
                "atc.db.url", database.target().uri(),
                "atc.db.app-user", database.target().appUser(),
                "atc.db.app-password", database.target().appPassword(),
                "atc.internal-jwt.public-key", InternalTokens.publicKey(),
                "atc.internal-jwt.issuer", InternalTokens.ISSUER,
                "atc.internal-jwt.audience", InternalTokens.AUDIENCE);
    }

    @Override
    public void stop() {
        // The database outlives a single Quarkus start: it is dropped when the test JVM ends.
    }
}
