package io.atc.gateway.proxy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.netty.util.AsciiString;

/**
 * A fixed set of header names, looked up case-insensitively without allocating or hashing: by
 * length first, which already rules out most names (this runs on every header of every request).
 */
final class HeaderNameSet {

    private final String[] names;
    private final String[][] byLength;

    HeaderNameSet(String... names) {
        this.names = names.clone();
        int longest = Arrays.stream(names).mapToInt(String::length).max().orElse(0);
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            lists.add(new ArrayList<>());
        }
        for (String name : names) {
            lists.get(name.length()).add(name.toLowerCase(Locale.ROOT));
        }
        this.byLength = lists.stream().map(list -> list.toArray(String[]::new)).toArray(String[][]::new);
    }

    /** This set and {@code more}. */
    HeaderNameSet with(String... more) {
        String[] all = Arrays.copyOf(names, names.length + more.length);
        System.arraycopy(more, 0, all, names.length, more.length);
        return new HeaderNameSet(all);
    }

    boolean contains(CharSequence name) {
        int length = name.length();
        if (length >= byLength.length) {
            return false;
        }
        for (String candidate : byLength[length]) {
            if (AsciiString.contentEqualsIgnoreCase(name, candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is one of the comma-separated tokens of a Connection header value (RFC 9110 7.6.1). */
    static boolean namedIn(String connection, CharSequence name) {
        int length = connection.length();
        int start = 0;
        while (start < length) {
            int end = connection.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int from = start;
            int to = end;
            while (from < to && (connection.charAt(from) == ' ' || connection.charAt(from) == '\t')) {
                from++;
            }
            while (to > from && (connection.charAt(to - 1) == ' ' || connection.charAt(to - 1) == '\t')) {
                to--;
            }
            if (to - from == name.length()
                    && AsciiString.regionMatches(connection, true, from, name, 0, name.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(byLength);
    }
}
