package io.atc.apidocs;

/** Two services define the same operation, path or schema name differently: the merge cannot pick one. */
public final class DefinitionConflict extends RuntimeException {

    DefinitionConflict(String what, String firstService, String secondService) {
        super(what + " is defined differently by " + firstService + " and " + secondService
                + ": rename one (a schema: @Schema(name = ...) on its class) or make them the same.");
    }
}
