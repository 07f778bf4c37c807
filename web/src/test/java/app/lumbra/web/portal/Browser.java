package app.lumbra.web.portal;

import app.lumbra.web.it.Administrator;
import app.lumbra.web.it.LumbraProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on the portal of
 * the shared Lumbra server. The browser and driver paths are explicit, so Selenium Manager never
 * downloads anything; override them with {@code -Dlumbra.it.chromium} and {@code
 * -Dwebdriver.chrome.driver}.
 */
final class Browser implements AutoCloseable {
  final WebDriver driver;
  final String base;
  private final Path profile;

  Browser(LumbraProcess server) throws IOException {
    this.base = server.baseUrl();
    this.profile = Files.createTempDirectory("lumbra-chromium-");
    System.setProperty(
        ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY,
        System.getProperty(
            ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, "/usr/bin/chromedriver"));
    String chromium = System.getProperty("lumbra.it.chromium", "/usr/bin/chromium");
    requireInstalled(chromium, System.getProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--lang=en-GB",
        "--window-size=1280,1000");
    driver = new ChromeDriver(options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  /**
   * Skips the browser tests, with a message, on a machine without Chromium and its driver; in CI
   * ({@code CI=true}, where {@code .ci/run} installs them) their absence fails instead.
   */
  private static void requireInstalled(String chromium, String driver) {
    boolean installed =
        Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(driver));
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI must run the browser tests: install " + chromium + " and " + driver);
    }
    Assumptions.assumeTrue(
        installed,
        "Browser tests skipped: install Debian's chromium and chromium-driver ("
            + chromium
            + ", "
            + driver
            + ")");
  }

  /** The first administrator's user name and password, past the one-time password. */
  static String[] administrator(LumbraProcess server) throws IOException {
    return Administrator.credentials(server);
  }

  void open(String path) {
    driver.get(base + path);
  }

  void signIn(String username, String password) {
    openSignInPage();
    type("login:username", username);
    type("login:password", password);
    click("login:signIn");
  }

  /**
   * Opens the sign-in page, retrying for a while: the server reports ready a moment before the web
   * application serves its pages.
   */
  void openSignInPage() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      open("/portal/login.xhtml");
      if (!driver.findElements(By.id("login:username")).isEmpty() || System.nanoTime() > deadline) {
        return;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  void type(String id, String text) {
    WebElement input = byId(id);
    input.clear();
    input.sendKeys(text);
  }

  /** Sets a date, time or number input directly: typing into them depends on the locale. */
  void set(String id, String value) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].value = arguments[1];", byId(id), value);
  }

  void select(String id, String value) {
    new Select(byId(id)).selectByValue(value);
  }

  /**
   * Clicks; for a submit button or a link (every portal form is a full-page POST) it also waits
   * until the next page has replaced this one, so that the test reads the new page, not the old.
   */
  void click(String id) {
    WebElement target = byId(id);
    String tag = target.getTagName();
    String type = String.valueOf(target.getAttribute("type"));
    boolean navigates =
        tag.equals("a") || tag.equals("button") || (tag.equals("input") && type.equals("submit"));
    WebElement page = driver.findElement(By.tagName("html"));
    target.click();
    if (navigates) {
      new WebDriverWait(driver, Duration.ofSeconds(60)).until(replaced -> isGone(page));
    }
  }

  /**
   * Whether the element left the document. Chromium reports a node of a page that was just replaced
   * either as stale or as "does not belong to the document"; both mean it is gone.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException stale) {
      return true;
    } catch (WebDriverException replaced) {
      return String.valueOf(replaced.getMessage()).contains("does not belong to the document");
    }
  }

  /** The label-for checkbox of a multi-select, found by the item's label. */
  void tick(String groupId, String label, boolean ticked) {
    for (WebElement box : driver.findElements(By.cssSelector("input[name='" + groupId + "']"))) {
      WebElement boxLabel =
          driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"));
      if (boxLabel.getText().trim().equals(label) && box.isSelected() != ticked) {
        box.click();
      }
    }
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Saves a screenshot under {@code target/screenshots}; to refresh the README's, run the ITs with
   * {@code -Dlumbra.it.screenshots=../docs/screenshots}.
   */
  void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("lumbra.it.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(dir.resolve(name), png);
  }

  /** A screenshot of the whole page, however long. */
  void screenshotWhole(String name) throws IOException {
    Object height =
        ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight;");
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1280, ((Number) height).intValue() + 140));
    try {
      screenshot(name);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /** A screenshot scrolled so that the element with this id is at the top. */
  void screenshotOf(String id, String name) throws IOException {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView(true);", driver.findElement(By.id(id)));
    screenshot(name);
  }

  /** Renders the page as for printing (true) or for the screen again (false), e.g. OUT-3. */
  void emulatePrint(boolean print) {
    ((ChromeDriver) driver)
        .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
  }

  /**
   * Script elements without a src and inline event handlers: none may exist (the
   * Content-Security-Policy forbids them).
   */
  long inlineScripts() {
    Object count =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var n = 0; document.querySelectorAll('script').forEach(function (s) {"
                    + " if (!s.src) { n++; } });"
                    + " document.querySelectorAll('*').forEach(function (e) {"
                    + " for (var i = 0; i < e.attributes.length; i++) {"
                    + " if (e.attributes[i].name.indexOf('on') === 0) { n++; } } });"
                    + " return n;");
    return ((Number) count).longValue();
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
