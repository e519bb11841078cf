package io.atc.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The characters Postgres text cannot hold are refused, and nothing else is: a legitimate name in
 * any script, an emoji (a surrogate pair) or a tab passes.
 * Breaks when: canStore lets a NUL or a lone surrogate through, or refuses a paired one.
 */
class PostgresTextTests {

    @Test
    void nulAndUnpairedSurrogatesCannotBeStored() {
        assertThat(PostgresText.canStore("\u0000")).isFalse();
        assertThat(PostgresText.canStore("Quay\u00007")).isFalse();
        assertThat(PostgresText.canStore("\uD800")).isFalse();
        assertThat(PostgresText.canStore("a\uD83Db")).isFalse();
        assertThat(PostgresText.canStore("\uDC00")).isFalse();
        assertThat(PostgresText.canStore("x\uDE00\uD83D")).isFalse();
        assertThat(PostgresText.canStore("end\uD83D")).isFalse();
    }

    @Test
    void everyOtherTextCanBeStored() {
        assertThat(PostgresText.canStore("")).isTrue();
        assertThat(PostgresText.canStore("Quay 7")).isTrue();
        assertThat(PostgresText.canStore("Kai 7 \u00e5 \u6e2f \u0645\u064a\u0646\u0627\u0621"))
                .isTrue();
        assertThat(PostgresText.canStore("camera \uD83D\uDE00 \uD83D\uDE00")).isTrue();
        assertThat(PostgresText.canStore("tab\tnewline\n\u007f\uFFFF")).isTrue();
    }
}
