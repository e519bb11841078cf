package io.atc.edge.broker;

import org.jboss.logging.Logger;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.smallrye.mutiny.Uni;

/**
 * A tenant transaction that changes the broker before it commits: when the broker does not confirm
 * (down, silent, or refusing), the transaction has rolled back and the caller gets a 503.
 */
public final class BrokerConfirmation {

    private static final Logger LOG = Logger.getLogger(BrokerConfirmation.class);

    private BrokerConfirmation() {}

    public static <T> Uni<T> required(Uni<T> change) {
        return change.onFailure(BrokerException.class).transform(failure -> {
            LOG.warnf("change rolled back, the broker did not confirm it: %s", failure.getMessage());
            return new ProblemException(
                    ProblemType.UNAVAILABLE,
                    "The MQTT broker did not confirm the change, so nothing was changed; try again later.");
        });
    }
}
