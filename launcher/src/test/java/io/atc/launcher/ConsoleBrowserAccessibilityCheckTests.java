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
            <!DOCTYPE html><html lang="en"><head><title>Keys</title></head><body>
            <a class="skip-link" href="#main">Skip to content</a>
            <main id="main"><h1>API keys</h1><h2>Create a key</h2>
            <form><label for="name">Name</label><input id="name">
            <label><input type="checkbox" name="s"> keys:read</label>
            <input type="hidden" name="csrf" value="c">
            <button type="submit">Create key</button></form>
            <table><thead><tr><th scope="col">Name</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>
            <img src="x.png" alt=""></main></body></html>
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

    @SuppressWarnings("unchecked")
    private static List<String> problems(String html) {
        browser.get("data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        return (List<String>) browser.executeScript(ConsoleBrowser.ACCESSIBILITY);
    }
}
