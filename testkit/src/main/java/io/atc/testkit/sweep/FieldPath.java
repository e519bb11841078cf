package io.atc.testkit.sweep;

import java.util.ArrayList;
import java.util.List;

/** Where a value sits in a JSON body: field names and array indexes, written as services name fields. */
record FieldPath(List<Object> segments) {

    static final FieldPath ROOT = new FieldPath(List.of());

    FieldPath field(String name) {
        return append(name);
    }

    FieldPath index(int index) {
        return append(index);
    }

    private FieldPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new FieldPath(List.copyOf(longer));
    }

    /** {@code name}, {@code scopes[0]}, {@code owner.email}: what a problem's {@code errors[].field} says. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(segment);
            }
        }
        return text.toString();
    }
}
