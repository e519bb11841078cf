package io.atc.edge.broker;

/** No connection to the broker, or no answer from it in time: whether a command took effect is unknown. */
public class BrokerUnavailableException extends BrokerException {

    public BrokerUnavailableException(String message) {
        super(message);
    }
}
