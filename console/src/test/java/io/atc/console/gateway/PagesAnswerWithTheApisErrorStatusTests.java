package io.atc.console.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A page that shows the API's problem answers with the API's status, 422 included (JAX-RS's Status enum
 * has no 422, and mapping it through that enum alone made a refused form a 502). Breaks when: pageStatus
 * goes back to Status.fromStatusCode with a 502 fallback for every code the enum lacks.
 */
class PagesAnswerWithTheApisErrorStatusTests {

    @Test
    void theApisErrorStatusIsTheStatusOfThePage() {
        for (int status : List.of(400, 403, 404, 409, 422, 429, 503)) {
            assertThat(new GatewayAnswer(status, List.of(), null).pageStatus().getStatusCode())
                    .isEqualTo(status);
        }
    }
}
