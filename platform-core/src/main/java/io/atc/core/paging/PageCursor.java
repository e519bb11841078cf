package io.atc.core.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.atc.core.errors.Problem;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;

/**
 * The position after which the next page starts, written as an opaque cursor: clients pass back what
 * they were given and never build one, so the position's form can change without breaking them. A
 * cursor this API did not hand out is a 400 naming {@value Page#AFTER}, never a 500.
 */
public final class PageCursor<P> {

    /** Lists in id order: the cursor holds the last id of the page. */
    public static final PageCursor<UUID> BY_ID = new PageCursor<>("id", UUID::toString, UUID::fromString);
    /** Lists in sequence order: the cursor holds the last sequence number of the page. */
    public static final PageCursor<Long> BY_SEQ = new PageCursor<>("seq", String::valueOf, PageCursor::sequenceNumber);
    /** Lists newest first, ties broken by id: the cursor holds the last row's instant and id. */
    public static final PageCursor<Newest> NEWEST_FIRST = new PageCursor<>("newest", Newest::write, Newest::read);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int LONGEST = 200;
    private static final String NOT_A_CURSOR = "not a cursor this list handed out; pass a page's next as it is";

    private final String kind;
    private final Function<P, String> write;
    private final Function<String, P> read;

    private PageCursor(String kind, Function<P, String> write, Function<String, P> read) {
        this.kind = kind;
        this.write = write;
        this.read = read;
    }

    /**
     * A cursor for a list with its own position (a composite key): {@code write} turns a position into
     * text and {@code read} back, throwing IllegalArgumentException for text it did not write, which
     * {@link #decode} answers as a 400 naming {@value Page#AFTER}. {@code kind} tells lists' cursors apart.
     */
    public static <P> PageCursor<P> of(String kind, Function<P, String> write, Function<String, P> read) {
        return new PageCursor<>(kind, write, read);
    }

    public String encode(P position) {
        return ENCODER.encodeToString((kind + ":" + write.apply(position)).getBytes(StandardCharsets.UTF_8));
    }

    /** The position {@code cursor} names; empty for no cursor (the first page). */
    public Optional<P> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (cursor.length() > LONGEST) {
                throw new IllegalArgumentException("longer than any cursor");
            }
            String text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(kind + ":")) {
                throw new IllegalArgumentException("a cursor of another list");
            }
            return Optional.of(read.apply(text.substring(kind.length() + 1)));
        } catch (IllegalArgumentException malformed) {
            throw new ProblemException(
                    ProblemType.MALFORMED_REQUEST,
                    Page.AFTER + ": " + NOT_A_CURSOR,
                    List.of(new Problem.FieldError(Page.AFTER, NOT_A_CURSOR)));
        }
    }

    /** A row's position in a newest-first list: its instant (microseconds, as Postgres keeps it) and its id. */
    public record Newest(Instant at, UUID id) {

        private String write() {
            return at + "," + id;
        }

        private static Newest read(String text) {
            int comma = text.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException("no comma");
            }
            try {
                return new Newest(Instant.parse(text.substring(0, comma)), UUID.fromString(text.substring(comma + 1)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an instant", e);
            }
        }
    }

    private static long sequenceNumber(String text) {
        long seq = Long.parseLong(text);
        if (seq < 0) {
            throw new IllegalArgumentException("no sequence number is negative");
        }
        return seq;
    }
}
