package io.atc.gateway.routing;

/**
 * The one form of a request path that the gateway routes and the upstream receives. Percent-encoded
 * unreserved characters are decoded (RFC 3986 6.2.2.2), so {@code /v1/sites/x/%72etention} cannot
 * be routed as one thing by the gateway and decoded into another by the service. What could still
 * mean two things is refused: dot segments, empty segments, encoded slashes or backslashes, encoded
 * percent signs (double encoding), semicolons (matrix parameters), control and non-ASCII characters.
 */
public final class RequestPaths {

    private static final int MAX_LENGTH = 2048;

    private RequestPaths() {}

    /** @return the normalised path (the same instance when nothing needed decoding), or null to refuse the request */
    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/' || raw.length() > MAX_LENGTH) {
            return null;
        }
        String path = raw.indexOf('%') < 0 ? raw : decodeUnreserved(raw);
        if (path == null || !acceptable(path)) {
            return null;
        }
        return path;
    }

    private static boolean acceptable(String path) {
        int length = path.length();
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            char c = i < length ? path.charAt(i) : '/';
            if (c == '/') {
                int segment = i - segmentStart;
                if (segment == 0 && i < length || dotSegment(path, segmentStart, segment)) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (c <= 0x20 || c >= 0x7f || c == '\\' || c == ';') {
                return false;
            }
        }
        return true;
    }

    private static boolean dotSegment(String path, int start, int length) {
        return length == 1 && path.charAt(start) == '.'
                || length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.';
    }

    private static String decodeUnreserved(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return null;
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            int value = high << 4 | low;
            if (unreserved(value)) {
                out.append((char) value);
            } else if (value < 0x20 || value == 0x7f || value == '/' || value == '\\' || value == '%') {
                return null;
            } else {
                out.append('%')
                        .append(Character.toUpperCase(raw.charAt(i + 1)))
                        .append(Character.toUpperCase(raw.charAt(i + 2)));
            }
            i += 2;
        }
        return out.toString();
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
