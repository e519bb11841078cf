package io.atc.client;

import io.atc.client.invoker.ApiException;

/**
 * Calls a generated operation and turns its checked {@link ApiException} into a {@link ProblemException}:
 * {@code Site site = Problems.call(() -> atc.sites().getSite(id));}
 */
public final class Problems {

    private Problems() {}

    /** A generated operation that answers something. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws ApiException;
    }

    /** A generated operation that answers nothing (204). */
    @FunctionalInterface
    public interface Action {
        void run() throws ApiException;
    }

    public static <T> T call(Call<T> operation) {
        try {
            return operation.call();
        } catch (ApiException failure) {
            throw ProblemException.of(failure);
        }
    }

    public static void run(Action operation) {
        try {
            operation.run();
        } catch (ApiException failure) {
            throw ProblemException.of(failure);
        }
    }
}
