package io.atc.console.retention;

/** Byte counts as people read them: "0 bytes", "1.5 MB" (powers of 1000, like storage bills). */
final class Sizes {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

    private Sizes() {}

    static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
