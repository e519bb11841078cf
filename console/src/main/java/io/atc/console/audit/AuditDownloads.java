package io.atc.console.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestMulti;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.session.CurrentSession;
import io.atc.console.session.SignedInUser;
import io.atc.console.web.Pages;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A download run as a page is (SignedInPages: the signed-in user checked with the gateway, its refreshed
 * cookie passed on; a busy platform said as such; otherwise to sign-in), but answered as a stream: a {@code Response} would have to
 * hold the body whole. A refusal is the page the download was asked from, as bytes.
 */
@ApplicationScoped
public class AuditDownloads {

    private final CurrentSession sessions;

    public AuditDownloads(CurrentSession sessions) {
        this.sessions = sessions;
    }

    RestMulti<byte[]> send(BrowserCredentials browser, Function<SignedInUser, Uni<Download>> download) {
        Uni<Download> answered = sessions.check(browser).flatMap(checked -> {
            if (checked.user() == null) {
                return Uni.createFrom()
                        .item(Pages.notNow(checked.answer())
                                .map(Download::page)
                                .orElseGet(() -> Download.redirect("/console/sign-in")));
            }
            return download.apply(checked.user())
                    .map(sent -> sent.withCookies(checked.answer().setCookies()));
        });
        return RestMulti.fromUniResponse(answered, Download::body, Download::headers, Download::status);
    }

    /** What the browser gets: a status, headers, and the body as it comes. */
    record Download(int status, Map<String, List<String>> headers, Multi<byte[]> body) {

        static Download redirect(String path) {
            return new Download(
                    303, Map.of("Location", List.of(path)), Multi.createFrom().empty());
        }

        /** A rendered page (the audit page with its message, or "not now") in place of the file. */
        static Download page(Response page) {
            byte[] text = String.valueOf(page.getEntity()).getBytes(StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            MediaType type = page.getMediaType() == null ? MediaType.TEXT_HTML_TYPE : page.getMediaType();
            headers.put("Content-Type", List.of(type.withCharset("UTF-8").toString()));
            String retryAfter = page.getHeaderString("Retry-After");
            if (retryAfter != null) {
                headers.put("Retry-After", List.of(retryAfter));
            }
            return new Download(page.getStatus(), headers, Multi.createFrom().item(text));
        }

        Download withCookies(List<String> cookies) {
            if (cookies == null || cookies.isEmpty()) {
                return this;
            }
            Map<String, List<String>> all = new HashMap<>(headers);
            all.put("Set-Cookie", new ArrayList<>(cookies));
            return new Download(status, all, body);
        }
    }
}
