package io.atc.core.text;

/**
 * What Postgres cannot store as text: its UTF-8 text and jsonb hold no NUL character, and a UTF-16
 * surrogate that does not pair into a code point has no UTF-8 form at all (the driver would send
 * '?' in its place, silently changing the value). Everything else Java can hold, Postgres can.
 * The one home of that rule: JSON bodies ({@link StorableTextOnly}) and
 * request parameters ({@link StorableParametersOnly}) refuse such text with a
 * 422 before it reaches a query.
 */
public final class PostgresText {

    /** The message a client reads next to the field that broke the rule. */
    public static final String RULE = "must not contain a NUL character or an unpaired surrogate";

    private PostgresText() {}

    public static boolean canStore(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
