package io.atc.edge.broker;

/** The dynamic-security plugin answered a command with an error. */
public class BrokerRefusedCommandException extends BrokerException {

    public BrokerRefusedCommandException(String command, String error) {
        super("the broker refused " + command + ": " + error);
    }
}
