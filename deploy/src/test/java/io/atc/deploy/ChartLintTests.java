package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.LintResult;

class ChartLintTests {

    @Test
    void theChartPassesHelmsStrictLint() {
        LintResult lint = Renderings.CHART.lint();

        assertThat(lint.isFailed())
                .as("helm lint --strict: %s", lint.getMessages())
                .isFalse();
        assertThat(lint.getMessages()).as("only informational lint messages").allSatisfy(message -> assertThat(message)
                .startsWith("[INFO]"));
    }
}
