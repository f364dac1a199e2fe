package io.livedigitalmock.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by ChromeDriver, both the machine's own (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code -Dchromium.binary}, {@code -Dchromedriver.binary} name others). Selenium
 * Manager never runs: both paths are given. Without them a laptop skips the browser tests; CI fails.
 */
final class Chromium implements AutoCloseable {

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Chromium start() throws IOException {
    File browser = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    File chromedriver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    boolean present = browser.canExecute() && chromedriver.canExecute();
    String missing = "needs Chromium at " + browser + " and ChromeDriver at " + chromedriver
        + " (apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.assertTrue(present, "CI " + missing);
    } else {
      Assumptions.assumeTrue(present, "skipped: the browser tests " + missing);
    }
    Path profile = Files.createTempDirectory("ldmock-chromium-");
    ChromeOptions options = new ChromeOptions().setBinary(browser).addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--user-data-dir=" + profile, "--window-size=1200,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
        .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(1200, 900));
    return new Chromium(driver, profile);
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Waits (at most 15 s) until an element {@code by} is on the current page or frame; if none comes,
   * fails with what the browser shows instead (its URL and text), not just "not found".
   */
  WebElement await(By by) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    } catch (TimeoutException e) {
      String text;
      try {
        text = driver.findElement(By.tagName("body")).getText();
      } catch (WebDriverException unreadable) {
        text = "(unreadable: " + unreadable.getMessage() + ")";
      }
      throw new AssertionError("no " + by + " within 15 s; the page at " + driver.getCurrentUrl() + " shows:\n" + text, e);
    }
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}, kept as a build artefact. */
  Path screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
