package io.atc.core.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** The field of a request body a Jackson failure is about, as the client wrote it. */
public final class JsonFieldPath {

    private JsonFieldPath() {}

    /** {@code name}, {@code scopes[0]}, {@code owner.email}; empty when the failure is about the whole body. */
    public static String of(JsonMappingException failure) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * The field a parser failure is about (a number too large for its field, say): where the parser stood,
     * in the same form; empty when it stood at the top of the body or is unknown.
     */
    public static String of(StreamReadException failure) {
        JsonParser parser = failure.getProcessor();
        if (parser == null) {
            return "";
        }
        java.util.Deque<String> levels = new java.util.ArrayDeque<>();
        for (JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                levels.push("[" + at.getCurrentIndex() + "]");
            } else if (at.getCurrentName() != null) {
                levels.push(at.getCurrentName());
            }
        }
        StringBuilder field = new StringBuilder();
        for (String level : levels) {
            field.append(field.isEmpty() || level.startsWith("[") ? "" : ".").append(level);
        }
        return field.toString();
    }
}
