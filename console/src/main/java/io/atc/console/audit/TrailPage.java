package io.atc.console.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.atc.console.web.Ids;

/**
 * Which page of the trail a URL asks for: its size, the API's cursor, and the cursors of the pages
 * before it (the API pages forward only, so "Previous" is the cursor this page was reached from, kept in
 * the URL like the rest: a page's link can be shared and reloaded). Anything malformed is a problem to
 * show, never passed on.
 */
record TrailPage(int limit, String after, List<String> back, TrailFilter filter, String problem) {

    static final int DEFAULT_LIMIT = 50;
    static final List<Integer> SIZES = List.of(10, 25, 50, 100);
    /** How many earlier pages "Previous" can step back through; "First page" is always there. */
    static final int REMEMBERED = 20;
    /** Stands for the first page (no cursor) in the list of earlier pages: not a base64url character. */
    private static final String FIRST = "~";

    static TrailPage parse(String limit, String after, String back, TrailFilter filter) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            size = limit.strip().matches("\\d{1,4}") ? Integer.parseInt(limit.strip()) : -1;
            if (size < 1 || size > 1000) {
                return invalid("Events per page must be a whole number from 1 to 1000.", filter);
            }
        }
        String cursor = after == null || after.isEmpty() ? "" : Ids.cursor(after);
        if (after != null && !after.isEmpty() && cursor.isEmpty()) {
            return invalid("This page link is damaged: start again from the first page.", filter);
        }
        List<String> earlier = new ArrayList<>();
        if (back != null && !back.isEmpty()) {
            for (String page : back.split("\\.", -1)) {
                if (!FIRST.equals(page) && Ids.cursor(page).isEmpty()) {
                    return invalid("This page link is damaged: start again from the first page.", filter);
                }
                earlier.add(FIRST.equals(page) ? "" : page);
            }
        }
        return new TrailPage(size, cursor, List.copyOf(remembered(earlier)), filter, null);
    }

    /** The first page, unfiltered, with {@code problem}; the typed filters stay in the form only. */
    private static TrailPage invalid(String problem, TrailFilter typed) {
        return new TrailPage(DEFAULT_LIMIT, "", List.of(), typed, problem);
    }

    static TrailPage first() {
        return new TrailPage(DEFAULT_LIMIT, "", List.of(), TrailFilter.NONE, null);
    }

    /** The sizes offered, with this page's own when a URL asked for another. */
    List<Integer> sizes() {
        return SIZES.contains(limit)
                ? SIZES
                : java.util.stream.Stream.concat(SIZES.stream(), java.util.stream.Stream.of(limit))
                        .sorted()
                        .toList();
    }

    String apiPath() {
        return "/v1/audit/events?limit=" + limit + (after.isEmpty() ? "" : "&after=" + encoded(after))
                + filter.apiQuery();
    }

    boolean isFirst() {
        return after.isEmpty();
    }

    String firstHref() {
        return href("", List.of());
    }

    /** The page after this one: its cursor, with this page remembered for "Previous". */
    String nextHref(String next) {
        List<String> earlier = new ArrayList<>(back);
        earlier.add(after);
        return href(next, remembered(earlier));
    }

    /** The page this one was reached from, or null when it is not remembered (then only "First page"). */
    String previousHref() {
        if (back.isEmpty()) {
            return null;
        }
        return href(back.get(back.size() - 1), back.subList(0, back.size() - 1));
    }

    /** This listing (size and filters) at the page after {@code after}. */
    private String href(String after, List<String> back) {
        StringBuilder href = new StringBuilder("/console/audit?limit=").append(limit);
        if (!after.isEmpty()) {
            href.append("&after=").append(encoded(after));
        }
        if (!back.isEmpty()) {
            href.append("&back=")
                    .append(encoded(String.join(
                            ".",
                            back.stream()
                                    .map(page -> page.isEmpty() ? FIRST : page)
                                    .toList())));
        }
        return href.append(filter.pageQuery()).toString();
    }

    private static List<String> remembered(List<String> earlier) {
        return earlier.subList(Math.max(0, earlier.size() - REMEMBERED), earlier.size());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
