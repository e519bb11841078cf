package io.atc.launcher;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its own chromedriver: both paths are given explicitly
 * (ATC_CHROMIUM and ATC_CHROMEDRIVER, else /usr/bin/chromium and /usr/bin/chromedriver), so Selenium
 * Manager never runs and nothing is downloaded. A missing browser fails the test with the remedy;
 * only ATC_BROWSER_TESTS=skip, set on purpose, skips it instead.
 */
final class ConsoleBrowser {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private ConsoleBrowser() {}

    static ChromeDriver start() throws IOException {
        Path chromium = Path.of(System.getenv().getOrDefault("ATC_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("ATC_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "the console's browser tests need Chromium and its driver: " + chromium + " and "
                    + chromedriver + " must exist (Debian: apt-get install chromium chromium-driver, which .ci/run"
                    + " does; or set ATC_CHROMIUM and ATC_CHROMEDRIVER). ATC_BROWSER_TESTS=skip skips them locally.";
            if ("skip".equals(System.getenv("ATC_BROWSER_TESTS"))) {
                Assumptions.abort(missing);
            }
            fail(missing);
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

    /** Saves what the browser shows as target/console-screenshots/{name}.png: the UI review. */
    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
