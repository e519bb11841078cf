package io.atc.core.text;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Every JSON string a request body binds to a Java String (fields, list items, nested records) is
 * checked here, once, at deserialisation, so no resource or repository needs to remember it. Jackson
 * adds the field path as the failure travels up, and the problem mappers name that field.
 */
public class StorableStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null && !PostgresText.canStore(value)) {
            throw new UnstorableTextException(parser);
        }
        return value;
    }
}
