package io.atc.gateway.proxy;

import java.util.concurrent.TimeoutException;

import io.atc.core.errors.ProblemType;

/** What a failed upstream exchange means to the client: too slow (504), not reachable or not readable (502). */
final class UpstreamFailures {

    private UpstreamFailures() {}

    static ProblemType classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException) {
                return ProblemType.GATEWAY_TIMEOUT;
            }
        }
        return ProblemType.BAD_GATEWAY;
    }

    static String detail(ProblemType type, Throwable failure) {
        if (type == ProblemType.GATEWAY_TIMEOUT) {
            return "The upstream service did not answer in time.";
        }
        return failure instanceof UpstreamResponseReader.MalformedResponse
                ? "The upstream service's answer was not valid HTTP/1.1; it was not passed on."
                : "The upstream service could not be reached.";
    }
}
