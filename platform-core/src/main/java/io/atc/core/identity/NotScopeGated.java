package io.atc.core.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource (or one method of it) no tenant scope gates, and why: operator-only, console sign-in,
 * internal to the platform. Its protection is elsewhere (the gateway's role, an operator credential,
 * a session cookie) and the reason says where.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NotScopeGated {

    /** What protects it instead. */
    String value();
}
