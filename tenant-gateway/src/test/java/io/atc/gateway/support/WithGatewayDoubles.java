package io.atc.gateway.support;

import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The pipeline built with {@link GatewayDoubles} in place of its real ports (profiles of their own extend this one). */
public class WithGatewayDoubles implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(GatewayDoubles.class);
    }
}
