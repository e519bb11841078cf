package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The accessibility check every journey runs before a screenshot finds what it claims to find: a page
 * built like the console's passes, and each defect planted in it is named. Breaks when: a rule of
 * {@link ConsoleBrowser#ACCESSIBILITY} stops reporting its defect (the journeys would pass a broken page).
 */
class ConsoleBrowserAccessibilityCheckTests {

    private static final String GOOD = """
            <!DOCTYPE html><html lang="en"><head><title>Keys</title>
            <style>input, button { min-height: 44px; min-width: 44px; } label { display: inline-block; min-height: 24px; }</style>
            </head><body>
            <a class="skip-link" href="#main">Skip to content</a>
            <main id="main"><h1>API keys</h1><h2>Create a key</h2>
            <form><label for="name">Name</label><input id="name">
            <label><input type="checkbox" name="s"> keys:read</label>
            <input type="hidden" name="csrf" value="c">
            <button type="submit">Create key</button></form>
            <table><thead><tr><th scope="col">Name</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>
            <img src="x.png" alt=""><p id="note">Keys are shown once.</p></main></body></html>
            """;

    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPageBuiltLikeTheConsolesPasses() {
        assertThat(problems(GOOD)).isEmpty();
    }

    @Test
    void eachPlantedDefectIsNamed() {
        assertThat(problems(GOOD.replace(" lang=\"en\"", ""))).containsExactly("html has no lang");
        assertThat(problems(GOOD.replace("<title>Keys</title>", "<title></title>")))
                .containsExactly("no title");
        assertThat(problems(GOOD.replace("<h2>Create a key</h2>", "<h3>Create a key</h3>")))
                .singleElement()
                .asString()
                .startsWith("heading level skipped");
        assertThat(problems(GOOD.replace("<h1>API keys</h1>", ""))).contains("h1 count 0");
        assertThat(problems(GOOD.replace("<label for=\"name\">Name</label>", "Name")))
                .singleElement()
                .asString()
                .startsWith("control without a label");
        assertThat(problems(GOOD.replace(">Create key</button>", "></button>")))
                .singleElement()
                .asString()
                .startsWith("unnamed button");
        assertThat(problems(GOOD.replace(" alt=\"\"", "")))
                .singleElement()
                .asString()
                .startsWith("image without alt");
        assertThat(problems(GOOD.replace("<td>x</td>", "<td id=\"name\">x</td>")))
                .containsExactly("duplicate id name");
        assertThat(problems(GOOD.replace(" scope=\"col\"", "")))
                .singleElement()
                .asString()
                .startsWith("th without scope");
        assertThat(problems(GOOD.replace("<input id=\"name\">", "<input id=\"name\" tabindex=\"2\">")))
                .singleElement()
                .asString()
                .startsWith("positive tabindex");
        assertThat(problems(GOOD.replace("<a class=\"skip-link\" href=\"#main\">Skip to content</a>", "")))
                .containsExactly("the skip link is not first in the tab order");
    }

    @Test
    void textAndControlsThatAreHardToSeeOrToHitAreNamed() {
        assertThat(problems(GOOD.replace("<p id=\"note\">", "<p id=\"note\" style=\"color: #aaa\">")))
                .singleElement()
                .asString()
                .startsWith("text contrast 2.32 < 4.5");
        assertThat(problems(GOOD.replace("<p id=\"note\">", "<p id=\"note\" style=\"color: #949494\">")))
                .as("3:1 is not enough for body text")
                .singleElement()
                .asString()
                .startsWith("text contrast 3.03 < 4.5");
        assertThat(problems(
                        GOOD.replace("<p id=\"note\">", "<p id=\"note\" style=\"color: #949494; font-size: 24px\">")))
                .as("but is for large text")
                .isEmpty();
        assertThat(problems(GOOD.replace("<main id=\"main\">", "<main id=\"main\" style=\"background: #0d2538\">")))
                .as("dark text on an ancestor's dark background")
                .anyMatch(problem -> problem.startsWith("text contrast") && problem.contains("Keys are shown once"));
        assertThat(problems(GOOD.replace("<p id=\"note\">", "<p id=\"note\" style=\"color: rgba(0, 0, 0, .3)\">")))
                .as("translucent text is judged as blended")
                .singleElement()
                .asString()
                .startsWith("text contrast");
        assertThat(problems(
                        GOOD.replace("<input id=\"name\">", "<input id=\"name\" style=\"border: 1px solid #eee\">")))
                .singleElement()
                .asString()
                .startsWith("control boundary contrast below 3");
        assertThat(problems(GOOD.replace(
                        "<button type=\"submit\">", "<button type=\"submit\" style=\"min-height: 0; height: 18px\">")))
                .singleElement()
                .asString()
                .startsWith("target smaller than 24 by 24 px");
        assertThat(problems(GOOD.replace("label { display: inline-block; min-height: 24px; }", "")))
                .as("a checkbox whose label is too small to hit")
                .singleElement()
                .asString()
                .startsWith("target smaller than 24 by 24 px")
                .contains("checkbox");
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(String html) {
        browser.get("data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        return (List<String>) browser.executeScript(ConsoleBrowser.ACCESSIBILITY);
    }
}
