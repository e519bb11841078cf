package io.atc.gateway.pipeline;

/** Content-Length as the pipeline needs it: absent, a non-negative number, or invalid. */
final class ContentLengths {

    static final long ABSENT = -1;
    static final long INVALID = -2;

    private ContentLengths() {}

    static long parse(String header) {
        if (header == null) {
            return ABSENT;
        }
        if (header.isEmpty() || header.length() > 18) {
            return INVALID;
        }
        long value = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
