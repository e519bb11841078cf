package io.atc.gateway.support;

import io.atc.gateway.pipeline.PipelinePorts;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Every test starts with the pipeline's real ports; {@link GatewayDoubles#install()} swaps them for one test. */
public class RealPipelinePorts implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Arc.container().instance(PipelinePorts.class).get().restore();
    }
}
