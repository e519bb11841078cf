package io.atc.gateway.pipeline;

import jakarta.inject.Singleton;

import io.atc.core.errors.ProblemType;
import io.atc.gateway.apidocs.ServedDocument;
import io.atc.gateway.apidocs.ServedDocuments;
import io.atc.gateway.proxy.Decision.Content;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

/**
 * Answers for the public API document ({@link KeylessRoutes#publicDocument}): GET and HEAD from any
 * origin (browsers' API explorers fetch it), cacheable for five minutes, revalidated by its ETag; a
 * CORS preflight for them; any other method is 405.
 */
@Singleton
class PublicDocumentAnswers {

    static final String CACHE_CONTROL = "public, max-age=300";
    private static final String ALLOWED = "GET, HEAD";

    private final ServedDocuments documents;

    PublicDocumentAnswers(ServedDocuments documents) {
        this.documents = documents;
    }

    void answer(Admission admission, String path) {
        ServedDocument document = documents.at(path);
        HttpMethod method = admission.request().method();
        MultiMap headers = admission.answerHeaders();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            headers.set(HttpHeaders.ETAG, document.etag());
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag");
            boolean unchanged = document.matches(admission.request().header(HttpHeaders.IF_NONE_MATCH));
            admission.serve(new Content(unchanged ? 304 : 200, document.mediaType(), document.bytes()));
            return;
        }
        headers.set(HttpHeaders.ALLOW, ALLOWED);
        if (method == HttpMethod.OPTIONS && admission.request().headers().contains(HttpHeaders.ORIGIN)) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED);
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "If-None-Match");
            headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
            admission.noContent();
            return;
        }
        admission.refuse(ProblemType.METHOD_NOT_ALLOWED, path + " answers GET and HEAD only.");
    }
}
