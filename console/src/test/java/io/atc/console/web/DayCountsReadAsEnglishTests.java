package io.atc.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Breaks when: a retention of one day reads "1 days", or an unset value reads "null days". */
class DayCountsReadAsEnglishTests {

    @Test
    void oneDayIsSingular() {
        assertThat(Counts.dayCount(1)).isEqualTo("1 day");
        assertThat(Counts.dayCount(14)).isEqualTo("14 days");
        assertThat(Counts.dayCount(null)).isEmpty();
    }
}
