package io.atc.core.errors;

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
}
