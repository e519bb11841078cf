package io.atc.core.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a resource method needs (admin holds every scope). {@link ScopeCheck} refuses a caller
 * without it with 403 before the method runs, and the OpenAPI document states it on the operation.
 * Every resource method declares one, or {@link NotScopeGated} (an ArchUnit rule in each module).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

    Scope value();
}
