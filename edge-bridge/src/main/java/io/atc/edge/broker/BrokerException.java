package io.atc.edge.broker;

/** The broker did not carry out a change: the caller's transaction must not commit. */
public abstract class BrokerException extends RuntimeException {

    protected BrokerException(String message) {
        super(message, null, false, false);
    }
}
