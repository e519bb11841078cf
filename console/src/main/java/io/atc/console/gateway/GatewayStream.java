package io.atc.console.gateway;

import java.util.List;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A gateway answer whose body is passed on as it arrives (an export can be large): the status, its
 * content type, and the body as chunks, read only as fast as the browser takes them.
 */
public record GatewayStream(int status, String contentType, Multi<byte[]> body) {

    /** Problem answers are small: read whole, as a {@link GatewayAnswer} for the page's message. */
    private static final int PROBLEM_LIMIT = 64 * 1024;

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Uni<GatewayAnswer> asAnswer() {
        return body.collect()
                .in(StringBuilder::new, (text, chunk) -> {
                    if (text.length() < PROBLEM_LIMIT) {
                        text.append(new String(chunk, java.nio.charset.StandardCharsets.UTF_8));
                    }
                })
                .map(text -> new GatewayAnswer(status, List.of(), text.toString()))
                .onFailure()
                .recoverWithItem(new GatewayAnswer(status, List.of(), null));
    }
}
