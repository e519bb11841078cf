package io.atc.gateway.proxy;

import java.util.Iterator;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/**
 * The header fields of a request as RFC 9110 5 and RFC 9112 3.2, 6.1 allow them, checked before
 * any rule reads them: every name a token, every value free of control characters other than HTAB
 * (obs-text, 0x80-0xFF, is allowed), exactly one valid Host in HTTP/1.1 (at most one otherwise),
 * and a Transfer-Encoding, if any, that is a single {@code chunked} (the only coding the gateway
 * forwards; anything else leaves the body's length in doubt). The decoder itself refuses differing
 * Content-Lengths, Content-Length with Transfer-Encoding, bare LF and folded lines
 * ({@link StrictRequestDecoder}). One pass over each name and value, nothing allocated.
 */
final class HeaderFields {

    /** RFC 9110 5.6.2 tchar, by ASCII code. */
    private static final boolean[] TCHAR = new boolean[128];
    /** RFC 3986 host and port characters (reg-name, IP literals, percent-encoding), by ASCII code. */
    private static final boolean[] HOST_CHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = HOST_CHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = HOST_CHAR[c] = true;
            TCHAR[c - 32] = HOST_CHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        for (char c : "-._~!$&'()*+,;=:[]%".toCharArray()) {
            HOST_CHAR[c] = true;
        }
    }

    private static final AsciiString HOST = AsciiString.cached("host");
    private static final AsciiString TRANSFER_ENCODING = AsciiString.cached("transfer-encoding");
    private static final AsciiString CHUNKED = AsciiString.cached("chunked");

    private HeaderFields() {}

    /**
     * @param http11 an HTTP/1.1 request (it must carry one Host; an HTTP/2 stream's request has none of its own)
     * @return why the fields are refused (for the problem's detail), or null when they are acceptable
     */
    static String refusal(HttpHeaders headers, boolean http11) {
        int hosts = 0;
        int transferEncodings = 0;
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> entry = entries.next();
            CharSequence name = entry.getKey();
            CharSequence value = entry.getValue();
            if (!token(name)) {
                return "A header field name is not a token (RFC 9110 5.1): no whitespace before the colon,"
                        + " no separators or control characters.";
            }
            if (!fieldValue(value)) {
                return "A header field value contains control characters (RFC 9110 5.5).";
            }
            int length = name.length();
            if (length == 4 && AsciiString.contentEqualsIgnoreCase(name, HOST)) {
                if (++hosts > 1 || !host(value)) {
                    return "The request must have exactly one valid Host header field (RFC 9112 3.2).";
                }
            } else if (length == 17 && AsciiString.contentEqualsIgnoreCase(name, TRANSFER_ENCODING)) {
                if (++transferEncodings > 1 || !AsciiString.contentEqualsIgnoreCase(value, CHUNKED)) {
                    return "Transfer-Encoding must be chunked alone; no other transfer coding is accepted.";
                }
            }
        }
        if (http11 && hosts == 0) {
            return "The request must have exactly one valid Host header field (RFC 9112 3.2).";
        }
        return null;
    }

    /** Whether {@code name} is an RFC 9110 token (a field name, a method). */
    static boolean token(CharSequence name) {
        int length = name.length();
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c >= 128 || !TCHAR[c]) {
                return false;
            }
        }
        return true;
    }

    /** Visible characters, SP, HTAB and obs-text (the decoder has trimmed the ends). */
    private static boolean fieldValue(CharSequence value) {
        for (int i = 0, length = value.length(); i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    /** An empty Host is allowed (RFC 9112 3.2: the target has no authority). */
    private static boolean host(CharSequence value) {
        for (int i = 0, length = value.length(); i < length; i++) {
            char c = value.charAt(i);
            if (c >= 128 || !HOST_CHAR[c]) {
                return false;
            }
        }
        return true;
    }
}
