package io.atc.core.identity;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;

/**
 * The one place a scope is enforced: a caller whose key lacks the {@link RequiresScope} of the
 * resource method (and is not admin) gets 403 before the method runs, before its input is read.
 */
public class ScopeCheck {

    private final CallerTenant caller;

    public ScopeCheck(CallerTenant caller) {
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void requireScope(ResourceInfo resource) {
        RequiresScope required = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        if (required != null && !caller.current().holds(required.value())) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "This key lacks the " + required.value().wireName() + " scope.");
        }
    }
}
