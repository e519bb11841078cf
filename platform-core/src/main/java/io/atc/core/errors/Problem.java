package io.atc.core.errors;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code type} is stable and documented in docs/errors.md;
 * {@code detail} is for humans and never carries a secret, a stack trace or SQL.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input field, named the way the client sent it. */
    public record FieldError(String field, String message) {}
}
