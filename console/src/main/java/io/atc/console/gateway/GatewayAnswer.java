package io.atc.console.gateway;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What the gateway answered: the status, the cookies it set for the browser, and the body. */
public record GatewayAnswer(int status, List<String> setCookies, String body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonObject json() {
        return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
    }

    public JsonArray jsonArray() {
        return body == null || body.isBlank() ? new JsonArray() : new JsonArray(body);
    }

    /** "{what}: {the problem's detail}" for the page's error line, or "{what} ({status})." without one. */
    public String problem(String what) {
        String detail = problemDetail();
        return what + (detail == null ? " (" + status + ")." : ": " + detail);
    }

    /**
     * The status to answer the browser with when this answer is shown as a page's error: the API's own
     * 4xx or 5xx (422 included, which JAX-RS's Status enum lacks), anything else a 502.
     */
    public Response.StatusType pageStatus() {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known;
        }
        if (status >= 400 && status <= 599) {
            return new PassedOnStatus(status);
        }
        return Response.Status.BAD_GATEWAY;
    }

    /** An error status the JAX-RS enum does not name, passed on as the API answered it. */
    private record PassedOnStatus(int code) implements Response.StatusType {

        @Override
        public int getStatusCode() {
            return code;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.familyOf(code);
        }

        @Override
        public String getReasonPhrase() {
            return code == 422 ? "Unprocessable Content" : "";
        }
    }

    /** The problem's detail, for the page to show; never the body of a success (it may carry a secret). */
    public String problemDetail() {
        if (ok()) {
            return null;
        }
        try {
            return json().getString("detail");
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
