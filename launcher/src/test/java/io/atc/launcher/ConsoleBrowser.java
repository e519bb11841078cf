package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its own chromedriver: both paths are given explicitly
 * (ATC_CHROMIUM and ATC_CHROMEDRIVER, else /usr/bin/chromium and /usr/bin/chromedriver), so Selenium
 * Manager never runs and nothing is downloaded. A missing browser fails the test with the remedy: the
 * browser tests never skip themselves.
 */
final class ConsoleBrowser {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private ConsoleBrowser() {}

    static ChromeDriver start() throws IOException {
        Path chromium = Path.of(System.getenv().getOrDefault("ATC_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("ATC_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            fail("the console's browser tests need Chromium and its driver: " + chromium + " and " + chromedriver
                    + " must exist (Debian: apt-get install chromium chromium-driver, which .ci/run does; or set"
                    + " ATC_CHROMIUM and ATC_CHROMEDRIVER)");
        }
        Path profile = Files.createTempDirectory("atc-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        // Prompts (beforeunload) stay open for the test to look at, never accepted behind its back.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // An element looked for right after a click may belong to the page still loading.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Saves what the browser shows as target/console-screenshots/{name}.png (the UI review), after checking
     * the page against the structural rules of WCAG 2.2 that a machine can check ({@link #ACCESSIBILITY}):
     * every page a journey looks at is checked.
     */
    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Object problems = driver.executeScript(ACCESSIBILITY);
        assertThat(problems)
                .as("accessibility of %s (%s)", name, driver.getCurrentUrl())
                .asList()
                .isEmpty();
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The page's language and title (WCAG 3.1.1, 2.4.2); one h1 and no skipped heading level (1.3.1, 2.4.6);
     * every form control labelled (1.3.1, 3.3.2, 4.1.2); every button and link named (2.4.4, 4.1.2); images
     * with alt text (1.1.1); unique ids (so labels and aria references point at one element); table headers
     * with a scope (1.3.1); the skip link first in the tab order (2.4.1); no positive tabindex (2.4.3).
     * Returns the problems found.
     */
    static final String ACCESSIBILITY = """
            var problems = [];
            function visible(e) { return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length); }
            function named(e) {
              var text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim();
              var by = e.getAttribute('aria-labelledby');
              return text.length > 0 || (by && document.getElementById(by) && document.getElementById(by).textContent.trim());
            }
            function describe(e) { return e.outerHTML.slice(0, 120); }
            if (!document.documentElement.lang) problems.push('html has no lang');
            if (!document.title.trim()) problems.push('no title');
            var headings = Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).filter(visible);
            if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count ' + document.querySelectorAll('h1').length);
            var level = 0;
            headings.forEach(function (h) {
              var l = Number(h.tagName.substring(1));
              if (l > level + 1) problems.push('heading level skipped: ' + describe(h));
              level = l;
            });
            document.querySelectorAll('input, select, textarea').forEach(function (c) {
              if (c.type === 'hidden') return;
              var labelled = (c.id && document.querySelector('label[for="' + c.id + '"]')) || c.closest('label')
                  || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
              if (!labelled) problems.push('control without a label: ' + describe(c));
            });
            document.querySelectorAll('button, a[href]').forEach(function (e) {
              if (!named(e)) problems.push('unnamed ' + e.tagName.toLowerCase() + ': ' + describe(e));
            });
            document.querySelectorAll('img').forEach(function (i) {
              if (!i.hasAttribute('alt')) problems.push('image without alt: ' + describe(i));
            });
            var seen = {};
            document.querySelectorAll('[id]').forEach(function (e) {
              if (seen[e.id]) problems.push('duplicate id ' + e.id);
              seen[e.id] = true;
            });
            document.querySelectorAll('th').forEach(function (th) {
              if (!th.getAttribute('scope')) problems.push('th without scope: ' + describe(th));
            });
            document.querySelectorAll('[tabindex]').forEach(function (e) {
              if (Number(e.getAttribute('tabindex')) > 0) problems.push('positive tabindex: ' + describe(e));
            });
            var first = document.querySelector('a[href], button, input:not([type=hidden]), select, textarea');
            if (!document.querySelector('dialog[open]') && (!first || !first.classList.contains('skip-link'))) {
              problems.push('the skip link is not first in the tab order');
            }
            return problems;
            """;
}
