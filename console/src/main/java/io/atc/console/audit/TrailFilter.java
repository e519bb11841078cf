package io.atc.console.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateData;

/**
 * The trail's filters as the form typed them (kept to show them again) and as the API takes them: empty
 * ones dropped, each value URL-encoded into the query (never into the path), a time without an offset read
 * as UTC (what the page shows). The API checks the rest and its 422 is shown beside the form.
 */
@TemplateData
public record TrailFilter(String action, String actor, String since, String until) {

    static final TrailFilter NONE = new TrailFilter("", "", "", "");

    /** A date and time without an offset, as typed or as a datetime-local input sends it. */
    private static final Pattern NO_OFFSET =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    static TrailFilter of(String action, String actor, String since, String until) {
        return new TrailFilter(typed(action), typed(actor), typed(since), typed(until));
    }

    public boolean isEmpty() {
        return action.isEmpty() && actor.isEmpty() && since.isEmpty() && until.isEmpty();
    }

    /** {@code &name=value} for each filter given, as the API takes them. */
    String apiQuery() {
        Map<String, String> api = new LinkedHashMap<>();
        api.put("action", action);
        api.put("actor", actor);
        api.put("since", instant(since));
        api.put("until", instant(until));
        return query(api);
    }

    /** {@code &name=value} for each filter given, as the form typed them: for the page's own links. */
    String pageQuery() {
        Map<String, String> page = new LinkedHashMap<>();
        page.put("action", action);
        page.put("actor", actor);
        page.put("since", since);
        page.put("until", until);
        return query(page);
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String instant(String typed) {
        return NO_OFFSET.matcher(typed).matches() ? typed + "Z" : typed;
    }

    private static String typed(String value) {
        return value == null ? "" : value.strip();
    }
}
