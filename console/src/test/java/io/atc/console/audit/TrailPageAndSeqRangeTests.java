package io.atc.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a URL may ask of the trail: a page size from 1 to 1000, the API's cursors, seqs from 0, and an
 * export range the API accepts; anything else is a message, never a request. "Previous" steps back
 * through the cursors the pages were reached from. Breaks when: a malformed value reaches an API path.
 */
class TrailPageAndSeqRangeTests {

    @Test
    void badValuesAreProblemsNotRequests() {
        assertThat(TrailPage.parse("0", null, null).problem()).contains("1 to 1000");
        assertThat(TrailPage.parse("1001", null, null).problem()).contains("1 to 1000");
        assertThat(TrailPage.parse("ten", null, null).problem()).contains("1 to 1000");
        assertThat(TrailPage.parse("25", "a&limit=5", null).problem()).contains("damaged");
        assertThat(TrailPage.parse("25", "c2VxOjE", "~.x/y").problem()).contains("damaged");
        assertThat(SeqRange.seqOrNull("-1")).isNull();
        assertThat(SeqRange.seqOrNull("1e3")).isNull();
        assertThat(SeqRange.seqOrNull(" 42 ")).isEqualTo(42L);
        assertThat(SeqRange.Export.parse("x", null).problem()).contains("whole numbers");
        assertThat(SeqRange.Export.parse("5", "4").problem()).contains("at least");
        assertThat(SeqRange.Export.parse("0", "100000").problem()).contains("100000");
        assertThat(SeqRange.Export.parse("0", "99999").apiPath()).isEqualTo("/v1/audit/export?from_seq=0&to_seq=99999");
        assertThat(SeqRange.Export.parse("", "").apiPath()).isEqualTo("/v1/audit/export");
    }

    @Test
    void previousStepsBackThroughTheCursorsThePagesCameFrom() {
        TrailPage first = TrailPage.parse("10", null, null);
        assertThat(first.apiPath()).isEqualTo("/v1/audit/events?limit=10");
        assertThat(first.previousHref()).isNull();
        String second = first.nextHref("c2VxOjk");
        assertThat(second).isEqualTo("/console/audit?limit=10&after=c2VxOjk&back=%7E");
        TrailPage onSecond = TrailPage.parse("10", "c2VxOjk", "~");
        assertThat(onSecond.previousHref()).isEqualTo("/console/audit?limit=10");
        TrailPage onThird = TrailPage.parse("10", "c2VxOjE5", "~.c2VxOjk");
        assertThat(onThird.previousHref()).isEqualTo(second);
        assertThat(onThird.nextHref("c2VxOjI5")).endsWith("back=%7E.c2VxOjk.c2VxOjE5");
    }
}
