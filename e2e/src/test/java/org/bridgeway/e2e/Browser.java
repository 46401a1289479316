package org.bridgeway.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by Selenium, as a person at a browser: every step leaves a
 * screenshot under {@code target/browser-steps/}, and every page is checked with axe-core for
 * WCAG 2.2 A and AA, with its findings and its largest contentful paint written beside them.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final ChromeDriver driver;
    private final Path steps;
    private final Path report;
    private int step;

    Browser(Path steps) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("bridgeway-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        this.driver = new ChromeDriver(service, options);
        this.steps = Files.createDirectories(steps);
        this.report = steps.resolve("pages.txt");
        Files.writeString(report, "step\tpage\taxe violations (all impacts)\tlargest contentful paint ms\n");
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** A click that stays on the page: a radio, a checkbox. */
    void click(String css) {
        find(css).click();
    }

    /**
     * A click that leads to another page (a link, a form's button): returns once that page has
     * loaded. The old page is marked and the new one is known by not having the mark; asking
     * whether an element went stale instead fails now and then, when Chromium answers the question
     * half-way through swapping the documents.
     */
    void follow(By target) {
        driver.executeScript("window.bridgewayLeaving = true");
        driver.findElement(target).click();
        waiting(Duration.ofSeconds(20)).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return window.bridgewayLeaving === undefined && document.readyState === 'complete'")));
    }

    void follow(String css) {
        follow(By.cssSelector(css));
    }

    void clickText(String text) {
        follow(By.xpath("//*[(self::a or self::button) and normalize-space(.)='" + text + "']"));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Runs an asynchronous script in the page, as the page's own code would, and returns what it passes on. */
    Object script(String script) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script);
    }

    String text(String css) {
        return find(css).getText();
    }

    String heading() {
        return text("h1");
    }

    String page() {
        return driver.findElement(By.tagName("main")).getText();
    }

    WebDriverWait waiting(Duration atMost) {
        return new WebDriverWait(driver, atMost);
    }

    /**
     * A step of the journey: a screenshot, then axe-core over the page. A serious or critical
     * violation fails the test; every finding is written to the report.
     */
    void check(String name) throws IOException {
        step++;
        String file = String.format("%02d-%s", step, name);
        Files.write(steps.resolve(file + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Object paint = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                new PerformanceObserver((list) => { const all = list.getEntries(); done(Math.round(all[all.length - 1].startTime)); })
                    .observe({type: 'largest-contentful-paint', buffered: true});
                setTimeout(() => done(null), 1000);
                """);
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<Rule> violations = results.getViolations();
        Files.writeString(report, file + "\t" + driver.getTitle() + "\t"
                + violations.stream().map(rule -> rule.getId() + "(" + rule.getImpact() + ")").collect(Collectors.joining(" "))
                + "\t" + paint + "\n", StandardOpenOption.APPEND);
        assertThat(violations.stream().filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList()))
                .as("axe-core serious or critical violations on " + name + " (" + driver.getCurrentUrl() + ")")
                .isEmpty();
    }

    /** A screenshot of where the journey stopped, for the person reading a failed build. */
    void failed(String name) {
        try {
            Files.write(steps.resolve("failed-" + name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(steps.resolve("failed-" + name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
        } catch (IOException | RuntimeException ignored) {
            // The failure itself is what the build reports.
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
