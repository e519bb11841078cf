package io.atc.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.core.errors.Problem;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;

class PageCursorTests {

    @Test
    void aCursorNamesThePositionItWasMadeFrom() {
        UUID id = UUID.randomUUID();
        assertThat(PageCursor.BY_ID.decode(PageCursor.BY_ID.encode(id))).contains(id);
        assertThat(PageCursor.BY_SEQ.decode(PageCursor.BY_SEQ.encode(41L))).contains(41L);
        assertThat(PageCursor.BY_ID.decode(null)).isEmpty();
        assertThat(PageCursor.BY_ID.decode("")).isEmpty();
    }

    @Test
    void aCursorIsOpaqueAndUrlSafe() {
        UUID id = UUID.randomUUID();
        assertThat(PageCursor.BY_ID.encode(id)).doesNotContain(id.toString()).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"nope", "3", "%%%", "c2VxOjQx", "aWQ6bm90LWEtdXVpZA", "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d"})
    void whatNoIdListHandedOutIsA400NamingAfter(String cursor) {
        assertMalformed(() -> PageCursor.BY_ID.decode(cursor));
    }

    @Test
    void aSequenceCursorNeverNamesANegativeOrUnparsableSeq() {
        assertMalformed(() -> PageCursor.BY_SEQ.decode(PageCursor.BY_ID.encode(UUID.randomUUID())));
        assertMalformed(() -> PageCursor.BY_SEQ.decode("c2VxOi0y"));
        assertMalformed(() -> PageCursor.BY_SEQ.decode("c2VxOjk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"));
        assertMalformed(() -> PageCursor.BY_SEQ.decode("a".repeat(5_000)));
    }

    /** Breaks when: the newest-first cursor drops the microseconds (a page boundary would skip or repeat rows). */
    @Test
    void aNewestFirstCursorKeepsItsInstantToTheMicrosecondAndRefusesAnythingElse() {
        PageCursor.Newest position =
                new PageCursor.Newest(Instant.parse("2026-12-04T17:12:04.123456Z"), UUID.randomUUID());
        assertThat(PageCursor.NEWEST_FIRST.decode(PageCursor.NEWEST_FIRST.encode(position)))
                .contains(position);
        assertMalformed(() -> PageCursor.NEWEST_FIRST.decode(PageCursor.BY_ID.encode(UUID.randomUUID())));
        assertMalformed(() -> PageCursor.NEWEST_FIRST.decode(encoded("newest:" + UUID.randomUUID())));
        assertMalformed(() -> PageCursor.NEWEST_FIRST.decode(encoded("newest:yesterday," + UUID.randomUUID())));
        assertMalformed(() -> PageCursor.NEWEST_FIRST.decode(encoded("newest:2026-12-04T17:12:04Z,x")));
    }

    @Test
    void aPageOfLimitPlusOneRowsEndsWithACursorAfterItsLastItem() {
        Page<Long> page = Page.of(List.of(1L, 2L, 3L), 2, seq -> seq, PageCursor.BY_SEQ);
        assertThat(page.items()).containsExactly(1L, 2L);
        assertThat(PageCursor.BY_SEQ.decode(page.next())).contains(2L);

        Page<Long> last = Page.of(List.of(1L, 2L), 2, seq -> seq, PageCursor.BY_SEQ);
        assertThat(last.items()).containsExactly(1L, 2L);
        assertThat(last.next()).isNull();
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMalformed(Runnable decode) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, decode::run);
        assertThat(problem).as("a ProblemException").isNotNull();
        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(problem.toProblem("/v1/x").errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("after");
    }
}
