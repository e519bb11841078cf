package io.atc.gateway.proxy;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.core.errors.Problem;
import io.atc.core.errors.ProblemType;
import io.vertx.core.buffer.Buffer;

/** Problem+json bodies for answers the gateway gives itself (the same shape ProblemResponses gives in every service). */
@Singleton
public class ProblemWriter {

    private static final Logger LOG = Logger.getLogger(ProblemWriter.class);

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    Buffer body(ProblemType type, String detail, String instance) {
        return encode(new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of()));
    }

    /** An unexpected failure: logged with an incident id the client can quote; the client learns nothing else. */
    Buffer internal(Throwable failure, String path) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(
                failure,
                "incident %s on %s: %s",
                incident,
                path,
                failure.getClass().getName());
        return encode(new Problem(
                ProblemType.INTERNAL.uri(),
                ProblemType.INTERNAL.title(),
                500,
                "The request could not be completed; quote incident " + incident + " to support.",
                "urn:atc:incident:" + incident,
                List.of()));
    }

    private Buffer encode(Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body that cannot be written", e);
        }
    }
}
