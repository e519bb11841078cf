package io.atc.gateway.proxy;

import java.util.concurrent.TimeoutException;

import io.atc.core.errors.ProblemType;

/** What a failed upstream exchange means to the client: too slow (504) or not reachable (502). */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    static ProblemType classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException) {
                return ProblemType.GATEWAY_TIMEOUT;
            }
        }
        return ProblemType.BAD_GATEWAY;
    }

    static String detail(ProblemType type) {
        return type == ProblemType.GATEWAY_TIMEOUT
                ? "The upstream service did not answer in time."
                : "The upstream service could not be reached.";
    }
}
