package io.atc.core.startup;

/** Start-up must stop here; the message is the one line an operator needs, so no stack trace is kept. */
public final class StartupRefusedException extends RuntimeException {

    public StartupRefusedException(String message) {
        super(message, null, false, false);
    }
}
