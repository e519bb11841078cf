package io.atc.core.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, in the list's order: every list of the API answers with this shape. Pass
 * {@code next} as the {@value #AFTER} query parameter to read the following page; it is null on the last.
 */
public record Page<T>(
        List<T> items,

        @Schema(
                description = "opaque cursor of the following page (pass it as `after`); null on the last page",
                nullable = true)
        String next) {

    /** The query parameter that takes a {@code next} cursor. */
    public static final String AFTER = "after";

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code rows} read with {@code limit + 1}: the first {@code limit}, and a cursor after the
     * last of them when the extra row shows there is more.
     */
    public static <T, P> Page<T> of(List<T> rows, int limit, Function<T, P> position, PageCursor<P> cursor) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursor.encode(position.apply(items.get(items.size() - 1))));
    }
}
