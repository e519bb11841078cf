package io.atc.apidocs;

/** The first line where two texts differ, said the way a reviewer reads it. */
final class FirstDifference {

    private FirstDifference() {}

    /** @return null when the texts are the same, byte for byte */
    static String between(String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        String[] wanted = expected.split("\n", -1);
        String[] found = actual.split("\n", -1);
        for (int line = 0; line < Math.max(wanted.length, found.length); line++) {
            String want = line < wanted.length ? wanted[line] : "<end of file>";
            String have = line < found.length ? found[line] : "<end of file>";
            if (!want.equals(have)) {
                return "first difference at line " + (line + 1) + ": expected [" + want + "] but the file has [" + have
                        + "]";
            }
        }
        return "they differ in line endings";
    }
}
