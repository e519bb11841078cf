package io.atc.core.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string Postgres could not store; its path names the field (answered with a 422). A
 * MismatchedInputException because Quarkus's body reader lets only those (and definition errors)
 * reach the exception mappers; any other Jackson failure becomes a bare 400.
 */
public class UnstorableTextException extends MismatchedInputException {

    public UnstorableTextException(JsonParser parser) {
        super(parser, PostgresText.RULE, String.class);
    }
}
