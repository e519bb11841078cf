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
        assertThat(TrailPage.parse("0", null, null, TrailFilter.NONE).problem()).contains("1 to 1000");
        assertThat(TrailPage.parse("1001", null, null, TrailFilter.NONE).problem())
                .contains("1 to 1000");
        assertThat(TrailPage.parse("ten", null, null, TrailFilter.NONE).problem())
                .contains("1 to 1000");
        assertThat(TrailPage.parse("25", "a&limit=5", null, TrailFilter.NONE).problem())
                .contains("damaged");
        assertThat(TrailPage.parse("25", "c2VxOjE", "~.x/y", TrailFilter.NONE).problem())
                .contains("damaged");
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
        TrailPage first = TrailPage.parse("10", null, null, TrailFilter.NONE);
        assertThat(first.apiPath()).isEqualTo("/v1/audit/events?limit=10");
        assertThat(first.previousHref()).isNull();
        String second = first.nextHref("c2VxOjk");
        assertThat(second).isEqualTo("/console/audit?limit=10&after=c2VxOjk&back=%7E");
        TrailPage onSecond = TrailPage.parse("10", "c2VxOjk", "~", TrailFilter.NONE);
        assertThat(onSecond.previousHref()).isEqualTo("/console/audit?limit=10");
        TrailPage onThird = TrailPage.parse("10", "c2VxOjE5", "~.c2VxOjk", TrailFilter.NONE);
        assertThat(onThird.previousHref()).isEqualTo(second);
        assertThat(onThird.nextHref("c2VxOjI5")).endsWith("back=%7E.c2VxOjk.c2VxOjE5");
    }

    @Test
    void filtersReachTheApiEncodedInItsQueryAndEmptyOnesAreDropped() {
        TrailFilter filter = TrailFilter.of(" key.* ", "", "2026-03-01T12:00", null);
        assertThat(TrailPage.parse("10", null, null, filter).apiPath())
                .isEqualTo("/v1/audit/events?limit=10&action=key.*&since=2026-03-01T12%3A00Z");
        assertThat(TrailFilter.of("", " ", null, "").apiQuery()).isEmpty();
        assertThat(TrailFilter.of("", "", null, "").isEmpty()).isTrue();

        TrailFilter hostile = TrailFilter.of("a&limit=1000", "../../keys?x=1#y", "2026-03-01T12:00:00+02:00", "x y");
        String api = TrailPage.parse("25", null, null, hostile).apiPath();
        assertThat(api)
                .startsWith("/v1/audit/events?limit=25&action=")
                .isEqualTo("/v1/audit/events?limit=25&action=a%26limit%3D1000&actor=..%2F..%2Fkeys%3Fx%3D1%23y"
                        + "&since=2026-03-01T12%3A00%3A00%2B02%3A00&until=x+y");
        assertThat(api.indexOf('/', "/v1/audit/events".length())).isEqualTo(-1);
        assertThat(api).doesNotContain("#", "&limit=1000");
    }

    @Test
    void filtersStayOnEveryLinkOfTheListingAsTyped() {
        TrailFilter filter = TrailFilter.of("key.created", "user:1", "2026-03-01T12:00", "");
        TrailPage first = TrailPage.parse("10", null, null, filter);
        String second = first.nextHref("c2VxOjk");
        assertThat(second)
                .isEqualTo("/console/audit?limit=10&after=c2VxOjk&back=%7E&action=key.created&actor=user%3A1"
                        + "&since=2026-03-01T12%3A00");
        TrailPage onSecond = TrailPage.parse("10", "c2VxOjk", "~", filter);
        assertThat(onSecond.apiPath()).contains("after=c2VxOjk").endsWith("&since=2026-03-01T12%3A00Z");
        assertThat(onSecond.previousHref())
                .isEqualTo("/console/audit?limit=10&action=key.created&actor=user%3A1&since=2026-03-01T12%3A00");
        assertThat(onSecond.firstHref()).isEqualTo(onSecond.previousHref());
        assertThat(TrailPage.parse("0", null, null, filter).filter()).isEqualTo(filter);
    }
}
