package io.atc.core.text;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;

/**
 * Wraps the deserialiser of a scalar (text, number, date, UUID, enum...) so that a JSON string
 * Postgres could not store is refused before it is read as anything. Checking the string itself,
 * not the value made of it, matters: a date or UUID reader trims "\u0000" to nothing and reads
 * "no value", silently. Jackson adds the field path as the failure travels up; the problem
 * mappers name that field.
 */
class StorableTextDeserializer extends DelegatingDeserializer {

    StorableTextDeserializer(JsonDeserializer<?> scalar) {
        super(scalar);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> scalar) {
        return new StorableTextDeserializer(scalar);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        refuseUnstorable(parser);
        return super.deserialize(parser, context);
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
            throws IOException {
        refuseUnstorable(parser);
        return super.deserializeWithType(parser, context, types);
    }

    private static void refuseUnstorable(JsonParser parser) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING) && !PostgresText.canStore(parser.getText())) {
            throw new UnstorableTextException(parser);
        }
    }
}
