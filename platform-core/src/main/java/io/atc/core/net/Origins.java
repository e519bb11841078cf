package io.atc.core.net;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import io.atc.core.errors.ProblemException;

/**
 * Browser origins a key may be used from, normalised to scheme://host[:port]: http or https only,
 * lower-case ASCII host (IDNs as punycode), default ports dropped, and nothing else (no path,
 * query, fragment or credentials). "null" and "*" are refused: neither names one origin.
 */
public final class Origins {

    public static final int MAX = 50;

    private Origins() {}

    public static List<String> canonical(String field, List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        if (origins.size() > MAX) {
            throw ProblemException.invalid(field, "at most " + MAX + " entries");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            out.add(canonical(field + "[" + i + "]", origins.get(i)));
        }
        return new ArrayList<>(out);
    }

    public static String canonical(String field, String origin) {
        if (origin == null || origin.isBlank() || origin.strip().equalsIgnoreCase("null") || origin.contains("*")) {
            throw ProblemException.invalid(field, "must be one origin such as https://app.example.com (not null or *)");
        }
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "is not a URL origin");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ProblemException.invalid(field, "scheme must be https or http");
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || (uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()
                        && !uri.getRawPath().equals("/"))) {
            throw ProblemException.invalid(
                    field, "must be scheme://host[:port] only, without path, query or credentials");
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null && uri.getAuthority() != null && !uri.getAuthority().startsWith("[")) {
            // java.net.URI leaves host unset for internationalised names; take it from the authority.
            String[] hostAndPort = uri.getAuthority().split(":", 2);
            host = hostAndPort[0];
            port = hostAndPort.length == 2 ? port(field, hostAndPort[1]) : -1;
        }
        if (host == null || host.isEmpty() || host.endsWith(".")) {
            throw ProblemException.invalid(field, "must name a host");
        }
        String asciiHost;
        try {
            asciiHost = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "host is not a valid domain name");
        }
        boolean defaultPort =
                port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + asciiHost + (defaultPort ? "" : ":" + port);
    }

    private static int port(String field, String text) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65535) {
            throw ProblemException.invalid(field, "port must be a number up to 65535");
        }
        return Integer.parseInt(text);
    }
}
