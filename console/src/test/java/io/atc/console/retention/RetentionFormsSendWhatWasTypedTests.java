package io.atc.console.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/**
 * The retention forms hand the API what was typed, shaped but not judged: an empty field inherits
 * (null), a whole number is a number, and anything else goes as typed so that the API's own rules name
 * the problem (a console-side check would be a second, drifting copy of them). Breaks when: the form
 * drops a bad value (the API would then store "inherit" instead of refusing), or turns "" into 0.
 */
class RetentionFormsSendWhatWasTypedTests {

    @Test
    void emptyDaysInheritNumbersAreNumbersAndAnythingElseGoesAsTyped() {
        JsonObject change = new DaysForm(" 14 ", "").change();
        assertThat(change.getValue("eventsDays")).isEqualTo(14L);
        assertThat(change.containsKey("imagesDays")).isTrue();
        assertThat(change.getValue("imagesDays")).isNull();

        JsonObject bad = new DaysForm("two weeks", "5000").change();
        assertThat(bad.getValue("eventsDays")).isEqualTo("two weeks");
        assertThat(bad.getValue("imagesDays")).isEqualTo(5000L);
    }

    @Test
    void aPreviewAsksWithWhatWouldBeSavedEncoded() {
        assertThat(new DaysForm(" 14 ", "").previewQuery()).isEqualTo("eventsDays=14&imagesDays=inherit");
        assertThat(new DaysForm("1&imagesDays=3650", "5000").previewQuery())
                .as("typed text cannot add a parameter")
                .isEqualTo("eventsDays=1%26imagesDays%3D3650&imagesDays=5000");
    }

    @Test
    void aHoldNamesExactlyTheChosenKindOfTargetAndEndsAtTheEndOfItsDay() {
        JsonObject onSite = HoldForm.typed("site", " 6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14 ", "Case 12", "2031-03-04")
                .draft();
        assertThat(onSite.getString("siteId")).isEqualTo("6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14");
        assertThat(onSite.getValue("deviceId")).isNull();
        assertThat(onSite.getString("endsAt")).isEqualTo("2031-03-05T00:00:00Z");

        JsonObject onDevice = HoldForm.typed("device", "d", "Case 12", "").draft();
        assertThat(onDevice.getString("deviceId")).isEqualTo("d");
        assertThat(onDevice.getValue("siteId")).isNull();
        assertThat(onDevice.containsKey("endsAt")).isFalse();

        assertThat(HoldForm.typed("anything else", "x", "r", null).onDevice()).isFalse();
    }
}
