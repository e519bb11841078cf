package io.atc.console.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A seq as a URL or form gives it ("Go to event", the export's range): a whole number from 0, checked
 * before it goes into an API path or query, so a hand-edited value is a clear message, never a request.
 */
final class SeqRange {

    static final long MAX_EXPORT = 100_000;

    private SeqRange() {}

    /** The seq, or null when {@code text} is not a whole number from 0 (blank included). */
    static Long seqOrNull(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }

    /** The export's range, or why it is not one. */
    record Export(Long from, Long to, String problem) {

        static Export parse(String from, String to) {
            Long first = blank(from) ? null : seqOrNull(from);
            Long last = blank(to) ? null : seqOrNull(to);
            if ((!blank(from) && first == null) || (!blank(to) && last == null)) {
                return new Export(null, null, "Export from and to must be event seqs: whole numbers from 0.");
            }
            long start = first == null ? 0 : first;
            if (last != null && (last < start || last - start >= MAX_EXPORT)) {
                return new Export(
                        null,
                        null,
                        "Export to must be at least export from, and one export holds at most " + MAX_EXPORT
                                + " events: export a longer trail in several parts.");
            }
            return new Export(first, last, null);
        }

        String apiPath() {
            StringBuilder path = new StringBuilder("/v1/audit/export");
            String separator = "?";
            if (from != null) {
                path.append(separator).append("from_seq=").append(from);
                separator = "&";
            }
            if (to != null) {
                path.append(separator).append("to_seq=").append(to);
            }
            return path.toString();
        }

        /** atc-audit-{tenant}-{date}[-seq-{from}-{to}].jsonl */
        String fileName(String tenant, String date) {
            String range = from == null && to == null
                    ? ""
                    : "-seq-" + (from == null ? 0 : from) + "-" + (to == null ? "on" : to);
            return URLEncoder.encode("atc-audit-" + tenant + "-" + date + range + ".jsonl", StandardCharsets.UTF_8);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
