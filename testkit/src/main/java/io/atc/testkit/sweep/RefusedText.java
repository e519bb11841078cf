package io.atc.testkit.sweep;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Arrays;
import java.util.List;

import io.restassured.response.ValidatableResponse;

/** How every service answers text Postgres cannot store, for tests of a particular endpoint. */
public final class RefusedText {

    private RefusedText() {}

    /** The {@link HostileText} values Postgres cannot store. */
    public static List<HostileText> unstorable() {
        return Arrays.stream(HostileText.values())
                .filter(HostileText::postgresCannotStore)
                .toList();
    }

    /** A 422 invalid-input problem naming {@code field} with the rule's message. */
    public static void assertRefusedNaming(ValidatableResponse answer, String field) {
        answer.statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:invalid-input"))
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem("must not contain a NUL character or an unpaired surrogate"));
    }
}
