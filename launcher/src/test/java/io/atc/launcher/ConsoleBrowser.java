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
     * with a scope (1.3.1); the skip link first in the tab order (2.4.1); no positive tabindex (2.4.3);
     * text contrast of 4.5:1, 3:1 for large text (1.4.3), against the colours behind it as the browser
     * computes them; form controls' edges at 3:1 against what surrounds them (1.4.11); buttons and form
     * controls at least 24 by 24 CSS pixels, a checkbox counting its label (2.5.8). Text over an image is
     * not judged. Returns the problems found.
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
            function rgba(value) {
              var m = /^rgba?\\(([^)]*)\\)$/.exec(value);
              if (!m) return null;
              var p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            }
            function over(top, below) {
              var a = top[3];
              return [0, 1, 2].map(function (i) { return top[i] * a + below[i] * (1 - a); }).concat([1]);
            }
            // The colour behind e: its own and its ancestors' backgrounds over white; null under an image.
            function backdrop(e) {
              var layers = [];
              for (var n = e; n; n = n.parentElement) {
                var style = getComputedStyle(n);
                if (style.backgroundImage !== 'none') return null;
                var c = rgba(style.backgroundColor);
                if (c === null) return 'unknown ' + style.backgroundColor;
                if (c[3] > 0) layers.push(c);
                if (c[3] === 1) break;
              }
              return layers.reverse().reduce(function (below, top) { return over(top, below); }, [255, 255, 255, 1]);
            }
            function luminance(c) {
              var l = c.slice(0, 3).map(function (v) {
                v = v / 255;
                return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
              });
              return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
            }
            function ratio(a, b) {
              var x = luminance(a), y = luminance(b);
              return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
            }
            function inactive(e) { return e.closest('[disabled], [aria-hidden=true]') !== null; }
            var texts = Array.from(document.body.querySelectorAll('*')).filter(function (e) {
              if (!visible(e) || inactive(e)) return false;
              if (e.matches('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea')) return true;
              return Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
            });
            texts.forEach(function (e) {
              var style = getComputedStyle(e);
              var behind = backdrop(e);
              if (behind === null) return;
              if (typeof behind === 'string') { problems.push('background colour not understood (' + behind + '): ' + describe(e)); return; }
              var ink = rgba(style.color);
              if (ink === null) { problems.push('text colour not understood (' + style.color + '): ' + describe(e)); return; }
              var size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
              var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              var got = ratio(over(ink, behind), behind);
              if (got < needed) problems.push('text contrast ' + got.toFixed(2) + ' < ' + needed + ' (1.4.3): ' + describe(e));
            });
            document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea').forEach(function (c) {
              if (!visible(c) || inactive(c)) return;
              var style = getComputedStyle(c);
              var around = backdrop(c.parentElement), own = backdrop(c), border = rgba(style.borderTopColor);
              if (around === null || own === null || typeof around === 'string' || typeof own === 'string' || border === null) return;
              var edge = parseFloat(style.borderTopWidth) > 0 ? ratio(over(border, around), around) : 0;
              if (Math.max(edge, ratio(own, around)) < 3) {
                problems.push('control boundary contrast below 3 (1.4.11): ' + describe(c));
              }
            });
            document.querySelectorAll('button, select, input:not([type=hidden]), textarea, .button').forEach(function (t) {
              if (!visible(t) || inactive(t)) return;
              var box = t.getBoundingClientRect();
              var target = t.matches('input[type=checkbox], input[type=radio]') && t.closest('label') ? t.closest('label').getBoundingClientRect() : box;
              if (target.width < 24 || target.height < 24) {
                problems.push('target smaller than 24 by 24 px (2.5.8): ' + describe(t));
              }
            });
            var first = document.querySelector('a[href], button, input:not([type=hidden]), select, textarea');
            if (!document.querySelector('dialog[open]') && (!first || !first.classList.contains('skip-link'))) {
              problems.push('the skip link is not first in the tab order');
            }
            return problems;
            """;
}
