package io.atc.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The committed-document test names the first differing line. Breaks when: the wrong line or nothing is reported. */
class FirstDifferenceTests {

    @Test
    void namesTheFirstDifferingLine() {
        assertThat(FirstDifference.between("a\nb\nc\n", "a\nB\nc\n"))
                .isEqualTo("first difference at line 2: expected [b] but the file has [B]");
    }

    @Test
    void aMissingTrailingNewlineIsADifference() {
        assertThat(FirstDifference.between("a\n", "a")).contains("line 2");
    }

    @Test
    void identicalTextsHaveNone() {
        assertThat(FirstDifference.between("a\n", "a\n")).isNull();
    }
}
