package com.webinar.billing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The billing page (local/src/main/resources/META-INF/resources) in Debian's headless Chromium, driven by its
 * chromedriver: nothing is downloaded. What a test does on the page, in the page's own words.
 */
final class BillingPage implements AutoCloseable {

    static final String INSTALL = "the billing page's browser tests need Chromium and its driver:"
            + " apt-get install -y chromium chromium-driver (or set -Dchromium.binary and -Dchromedriver.binary)";

    private static final Path SCREENSHOTS = Path.of("target", "billing-page");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    private BillingPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        // on a timeout, say what the page showed: the failure then explains itself
        this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(() -> "the page showed:\n"
                        + driver.findElement(By.tagName("body")).getText());
        this.baseUrl = baseUrl;
    }

    /** Debian's chromium and chromedriver, or empty when they are not installed. */
    static Optional<Path[]> installedBrowser() {
        Optional<Path> browser =
                firstExisting(System.getProperty("chromium.binary"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> driver = firstExisting(
                System.getProperty("chromedriver.binary"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new Path[] {browser.get(), driver.get()})
                : Optional.empty();
    }

    private static Optional<Path> firstExisting(String... candidates) {
        return java.util.Arrays.stream(candidates)
                .filter(c -> c != null && !c.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    static BillingPage open(Path[] browser, String baseUrl) {
        try {
            Path profile = Files.createDirectories(Path.of("target"))
                    .resolve("chromium-profile-" + ProcessHandle.current().pid());
            ChromeOptions options = new ChromeOptions()
                    .setBinary(browser[0].toFile())
                    .addArguments(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--lang=en-US",
                            "--window-size=1280,1600",
                            "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(browser[1].toFile())
                    .usingAnyFreePort()
                    .build();
            return new BillingPage(new ChromeDriver(service, options), baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the page as this user, in English, and waits until it has read what that user may see. */
    BillingPage signIn(String userId) {
        driver.get(baseUrl + "/?lang=en&user=" + userId);
        wait.until(d -> d.findElement(By.id("who-status")).getText().contains(userId)
                && d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        return this;
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element holds this text, and answers its whole text. */
    String waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** For what may take long on a full database (the renewal tick renews every account that is due). */
    String waitLongForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    void waitForAttribute(String css, String attribute, String value) {
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(css), attribute, value));
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void type(String css, String text) {
        WebElement field = waitFor(css);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String css, String value) {
        new Select(waitFor(css)).selectByValue(value);
    }

    boolean enabled(String css) {
        return waitFor(css).isEnabled();
    }

    boolean shown(String css) {
        return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Asks the two prices of an add-on in the buy form and waits for them: the checkout, ready to pay. */
    Checkout buy(String addOn, int quantity) {
        choose("#addon", addOn);
        type("#quantity", Integer.toString(quantity));
        click("#get-quote");
        waitFor("#quote-charge-now");
        return new Checkout(addOn);
    }

    /** One add-on's quote in the buy form: its prices, and paying it. */
    final class Checkout {
        private final String addOn;

        private Checkout(String addOn) {
            this.addOn = addOn;
        }

        String cyclePrice() {
            return waitFor("#quote-cycle-price").getText();
        }

        String chargeNow() {
            return waitFor("#quote-charge-now").getText();
        }

        /** Clicks "pay"; what follows (a 3-D Secure step, a refusal) is the test's to see. */
        void pay() {
            click("#pay");
        }

        /** Pays, waits until the page says the payment was accepted and lists the add-on active; answers the notice. */
        String paid() {
            pay();
            return accepted();
        }

        /** Waits until the page says the payment was accepted and lists the add-on active; answers the notice. */
        String accepted() {
            String notice = waitForText("#buy-notice", "Payment accepted");
            waitForAttribute("tr[data-add-on=" + addOn + "]", "data-status", "ACTIVE");
            return notice;
        }

        /** Pays and answers the refusal the page shows. */
        String refused() {
            pay();
            return waitFor("#buy-notice [role=alert]").getText();
        }
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
            return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
