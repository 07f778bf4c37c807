package app.lumbra.web.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Takes the README's screenshots of a populated portal (not a test). Start Lumbra with {@code
 * LUMBRA_DEMO_DATA=true LUMBRA_ADMIN_USERNAME=lead LUMBRA_ADMIN_PASSWORD=portal-demo-pass} on a
 * fresh database, then run this class with the test classpath and the arguments {@code BASE_URL
 * OUTPUT_DIR USER PASSWORD}. The browser tests take the other screenshots (sign-in, forms,
 * recommendation, validation error) into {@code docs/screenshots} as they run.
 */
public final class DemoScreenshots {

  private DemoScreenshots() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path out = Files.createDirectories(Path.of(args[1]));
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory("lumbra-shots-"),
        "--window-size=1280,900");
    WebDriver driver = new ChromeDriver(options);
    try {
      driver.get(base + "/portal/login.xhtml");
      driver.findElement(By.id("login:username")).sendKeys(args[2]);
      driver.findElement(By.id("login:password")).sendKeys(args[3]);
      driver.findElement(By.id("login:signIn")).click();
      shot(driver, out, "patients.png", false);
      for (String name : List.of("Rivera, Sofia", "Lindqvist, Erik", "Haddad, Nadia")) {
        driver.get(base + "/portal/patients.xhtml");
        driver.findElement(By.linkText(name)).click();
        String family = name.substring(0, name.indexOf(',')).toLowerCase();
        shot(driver, out, "chart-" + family + ".png", true);
      }
      driver.manage().window().setSize(new Dimension(820, 1180));
      shot(driver, out, "chart-tablet.png", false);
    } finally {
      driver.quit();
    }
  }

  private static void shot(WebDriver driver, Path out, String name, boolean whole)
      throws Exception {
    Dimension before = driver.manage().window().getSize();
    if (whole) {
      long height =
          ((Number)
                  ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight;"))
              .longValue();
      driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 140, 4000)));
    }
    Files.write(out.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(before);
  }
}
