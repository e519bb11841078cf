package io.atc.retention.deletion;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rows of one table a batch may delete: a predicate over {@code edge.events} or {@code edge.images}
 * whose first parameter {@code $1} is the tenant, and its parameters.
 */
public record Selection(String predicate, Tuple parameters) {}
