package org.bridgeway.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three journeys in a real browser through the gateway, as the people who use Bridgeway
 * would go: Sam, a social prescriber, finds Green Doctors and refers a Gillingham family;
 * Gemma at Green Doctors accepts, starts and completes it; Sam sees the outcome and is told
 * without reloading; Maya, a manager, sees it in the report. Every page is checked with axe-core
 * and photographed (target/browser-steps/).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT {

    static final String RESIDENT = "Kerry Ashdown";

    Platform platform;
    Path root;
    Browser browser;
    String base;
    String identity;
    String reference;
    String referralPath;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.failed(context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        root = Path.of(System.getProperty("bridgeway.root", ".."));
        // -Dbridgeway.running=true plays the journey on a platform already started with ./bridgeway run.
        if (Boolean.getBoolean("bridgeway.running")) {
            base = "http://localhost:8080";
            identity = "http://localhost:9000";
        } else {
            platform = new Platform(root, root.resolve("e2e/target/bridgeway-var-" + UUID.randomUUID().toString().substring(0, 8)));
            System.out.println("[e2e] ./bridgeway run healthy in " + platform.start().toSeconds() + " s");
            base = platform.gateway();
            identity = platform.identity();
        }
        browser = new Browser(root.resolve("e2e/target/browser-steps"));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aPrescriberFindsGreenDoctorsAndRefersTheFamily() throws Exception {
        browser.open(base + "/");
        assertThat(browser.heading()).isEqualTo("Refer a resident to local support");
        browser.check("start-page");
        signIn("sam.prescriber");
        assertThat(browser.heading()).isEqualTo("Hello, Sam Prescriber");
        browser.check("prescriber-home");

        browser.clickText("Find a service");
        browser.type("#q", "energy bills");
        browser.type("#postcode", "ME7");
        browser.follow(".app-search-button button");
        assertThat(browser.page()).contains("services found").contains("Green Doctors");
        assertThat(browser.all("input[name=category]").size()).as("the need filter with its counts").isGreaterThan(1);
        assertThat(browser.text("label[for=category-0]")).matches(".+ \\(\\d+\\)");
        browser.check("search-results");

        browser.follow(By.partialLinkText("Green Doctors Home Energy"));
        assertThat(browser.page()).contains("Waiting list").contains("Estimated wait: 4 weeks").contains("Who it is for")
                .contains("Where and when").doesNotContain("Refer onward");
        browser.check("listing");
        browser.clickText("Refer a resident");

        // Continuing without answers shows the GOV.UK error summary, linked to each field.
        browser.clickText("Continue");
        assertThat(browser.text(".govuk-error-summary")).contains("Select what the resident needs help with")
                .contains("Enter why you are referring the resident");
        assertThat(browser.find(".govuk-error-summary a").getAttribute("href")).endsWith("#category");
        // Each field is described by its message, so a screen reader reads it when the field takes focus.
        assertThat(browser.find("#reason").getAttribute("aria-describedby")).isEqualTo("reason-hint reason-error");
        assertThat(browser.find("#reason").getAttribute("class")).contains("govuk-textarea--error");
        assertThat(browser.find("fieldset[aria-describedby~=category-error]").isDisplayed()).isTrue();
        browser.check("referral-need-errors");
        browser.click("input[name=category][value=fuel]");
        browser.click("#urgency-URGENT");
        browser.type("#reason", "Energy bill rose from 90 to 210 pounds a month; two children, damp in the back bedroom.");
        browser.check("referral-need");
        browser.clickText("Continue");

        browser.type("#resident-name", RESIDENT);
        browser.type("#resident-dateOfBirth", "2");
        browser.type("#resident-dateOfBirth-month", "4");
        browser.type("#resident-dateOfBirth-year", "1988");
        browser.type("#resident-postcode", "ME7 1AA");
        browser.type("#resident-phone", "07700 900123");
        browser.check("referral-resident");
        browser.clickText("Continue");

        browser.click("#resident-contactPreference"); // phone, the first choice
        browser.check("referral-contact");
        browser.clickText("Continue");

        browser.click("#basis"); // yes, they gave consent
        browser.click("#consentMethod"); // verbal, the first way
        browser.check("referral-consent");
        browser.clickText("Continue");

        assertThat(browser.heading()).isEqualTo("Check your answers before sending the referral");
        assertThat(browser.page()).contains(RESIDENT).contains("2 April 1988").contains("ME7 1AA").contains("Fuel Advice & Support");
        browser.check("referral-check-answers");
        browser.clickText("Send referral");

        assertThat(browser.text(".govuk-panel__title")).isEqualTo("Referral sent");
        reference = browser.text("#reference");
        assertThat(reference).matches("BW-[0-9A-Z]{5}");
        browser.check("referral-sent");
        browser.clickText("See the referral");
        referralPath = browser.driver().getCurrentUrl().substring(base.length());

        browser.clickText("My referrals");
        assertThat(browser.page()).contains(reference).contains("Waiting for a response");
        browser.check("my-referrals");
        signOut();
    }

    @Test
    @Order(2)
    void theProviderAcceptsStartsAndCompletesIt() throws Exception {
        signIn("gemma.greendoctors");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.open(base + "/notifications");
            assertThat(browser.page()).contains("New urgent referral " + reference);
        });
        assertThat(browser.text("#unread-count")).isNotBlank();
        browser.check("provider-notifications");

        browser.clickText("Referrals received");
        assertThat(browser.page()).contains(reference).containsPattern("Waiting for a response \\(\\d+\\)");
        browser.check("provider-inbox");
        browser.clickText(reference);
        assertThat(browser.page()).contains(RESIDENT).contains("07700 900123").contains("Energy bill rose");
        browser.check("provider-referral");

        browser.clickText("Accept referral");
        assertThat(browser.text("#referral-status")).contains("Accepted");
        browser.check("provider-accepted");
        browser.type("#text", "We will phone Kerry on Thursday to book a home visit.");
        browser.clickText("Send message");
        assertThat(browser.page()).contains("We will phone Kerry on Thursday");
        browser.clickText("Start work");
        assertThat(browser.text("#referral-status")).contains("In progress");

        // The family also need a benefits check: Gemma refers them onward without asking their story again.
        browser.clickText("Refer the resident onward to another service");
        browser.type("#q", "benefits");
        browser.clickText("Search");
        browser.follow(By.linkText("Citizens Advice Medway Benefits Advice"));
        browser.clickText("Refer onward to this service");
        browser.clickText("Send onward referral");
        assertThat(browser.text(".govuk-error-summary")).contains("Select what the resident needs help with")
                .contains("Select how the resident agreed to this referral");
        browser.check("provider-onward-errors");
        browser.click("#category");
        browser.click("#urgency");
        browser.type("#reason", "Income maximisation: the family may be missing Universal Credit elements.");
        browser.click("#consentMethod");
        browser.clickText("Send onward referral");
        assertThat(browser.text(".govuk-caption-l")).isEqualTo("Citizens Advice Medway Benefits Advice");
        assertThat(browser.page()).contains(RESIDENT).contains("Waiting for a response");
        browser.check("provider-onward-sent");
        browser.open(base + referralPath);
        assertThat(browser.page()).contains("Citizens Advice Medway Benefits Advice");

        // Completing without an outcome is refused next to the field; then with one it closes.
        browser.clickText("Complete referral");
        assertThat(browser.text(".govuk-error-summary")).contains("Outcome");
        browser.check("provider-complete-error");
        browser.find("#outcome").sendKeys("Support provided");
        browser.type("#complete-note", "Warm Home Discount applied for; boiler repair booked.");
        browser.clickText("Complete referral");
        assertThat(browser.text("#referral-status")).contains("Completed");
        assertThat(browser.page()).contains("Outcome: Support provided");
        browser.check("provider-completed");

        browser.clickText("Our listings");
        assertThat(browser.page()).contains("Green Doctors Home Energy Measures");
        browser.check("provider-listings");

        // Gemma's team now also advises online: she edits the listing, and a listing with no need is refused.
        browser.clickText("Edit Green Doctors Home Energy Measures");
        browser.all("input[name=categories]:checked").forEach(WebElement::click);
        browser.clickText("Save listing");
        assertThat(browser.text(".govuk-error-summary")).contains("Select at least one need the service meets");
        assertThat(browser.find("fieldset[aria-describedby~=categories-error]").isDisplayed()).isTrue();
        browser.check("provider-listing-edit-error");
        browser.click("input[name=categories][value=fuel]");
        browser.click("input[name=categories][value=housing]");
        if (!browser.find("#mode-ONLINE").isSelected()) { // already ticked when the journey is played again on a running platform
            browser.click("#mode-ONLINE");
        }
        browser.clickText("Save listing");
        browser.clickText("Edit Green Doctors Home Energy Measures");
        assertThat(browser.find("#mode-ONLINE").isSelected()).isTrue();
        assertThat(browser.find("input[name=categories][value=fuel]").isSelected()).isTrue();
        signOut();
    }

    @Test
    @Order(3)
    void thePrescriberSeesTheOutcomeAndIsToldLive() throws Exception {
        signIn("sam.prescriber");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.open(base + "/notifications");
            assertThat(browser.page()).contains("Referral " + reference + " was completed");
        });
        browser.check("prescriber-notifications");
        browser.open(base + referralPath);
        assertThat(browser.text("#referral-status")).contains("Completed");
        assertThat(browser.page()).contains("Outcome: Support provided").contains("We will phone Kerry on Thursday");
        browser.check("prescriber-referral-outcome");

        // A new message from the provider reaches the open page's badge without a reload.
        browser.open(base + "/notifications");
        String before = browser.find("#unread-count").getAttribute("textContent");
        Thread.sleep(1500); // the page's live stream is open
        String gemma = Http.token(identity, "gemma.greendoctors");
        String id = referralPath.substring(referralPath.lastIndexOf('/') + 1);
        assertThat(Http.post(base + "/api/referrals/" + id + "/messages", gemma, "{\"text\":\"Boiler fixed today.\"}", Map.of()).status())
                .isEqualTo(201);
        browser.waiting(Duration.ofSeconds(20)).until(driver -> browser.text("#live-notice").contains(reference));
        assertThat(browser.find("#unread-count").getAttribute("textContent")).isNotEqualTo(before);
        browser.check("prescriber-live-notice");

        browser.open(base + "/reports");
        assertThat(browser.heading()).isEqualTo("You cannot see this page");
        signOut();
    }

    @Test
    @Order(4)
    void theManagerSeesTheReferralInTheReport() throws Exception {
        signIn("maya.manager");
        browser.clickText("Reports");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.open(base + "/reports");
            assertThat(browser.page()).contains("Referrals by need").contains("Fuel Advice & Support");
        });
        // One referral is a count from 1 to 4: shown as <5, never as the number (on a fresh platform it is the only one).
        assertThat(browser.find("#outcome-categories ~ table tbody").getText()).containsPattern("Fuel Advice & Support (<5|([5-9]|\\d\\d+) )");
        assertThat(browser.page()).contains("What happened to referrals").contains("Gaps in provision");
        // The CSV link downloads the report with its period in the file, through the page's own session.
        String csv = (String) browser.script("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector("a[href*='/reports/download/outcome-categories']").href)
                    .then(answer => answer.text()).then(done, failure => done(String(failure)));
                """);
        assertThat(csv).startsWith("# ").contains("# from: ").contains("fuel,Fuel Advice & Support,").doesNotContain(RESIDENT);
        browser.check("manager-dashboard");
        browser.find("#from").sendKeys("01012027");
        browser.find("#to").sendKeys("01012026");
        browser.clickText("Show reports");
        assertThat(browser.text(".govuk-error-summary")).contains("To:");
        browser.check("manager-dashboard-error");
        signOut();
    }

    @Test
    @Order(5)
    void anAdministratorImportsTheAssetMapAndReviewsDuplicates() throws Exception {
        signIn("adam.admin");
        browser.clickText("Administration");
        assertThat(browser.page()).contains("Green Doctors");
        browser.check("admin-organisations");

        browser.clickText("Import listings from a file");
        browser.clickText("Import");
        assertThat(browser.text(".govuk-error-summary")).contains("Select what kind of file it is").contains("Select a file to import");
        browser.check("admin-import-errors");
        browser.click("#format"); // the asset-map CSV, the first kind
        browser.find("#file").sendKeys(root.resolve("directory-service/src/test/resources/imports/asset-map-sample.csv").toAbsolutePath().toString());
        browser.clickText("Import");
        assertThat(browser.text("#report")).isEqualTo("What was imported");
        assertThat(browser.page()).containsPattern("\\d+ created, \\d+ updated, \\d+ unchanged, \\d+ rejected");
        browser.check("admin-import-report");

        browser.open(base + "/admin");
        browser.follow(By.linkText("Green Doctors"));
        browser.follow(By.partialLinkText("Check"));
        assertThat(browser.page()).contains("Likely duplicates of");
        browser.check("admin-duplicates");

        // A new link worker joins Medway Social Prescribing: Adam adds her, and she signs in.
        browser.open(base + "/admin/people");
        assertThat(browser.text("#people")).contains("Sam Prescriber").contains("Medway Social Prescribing");
        browser.clickText("Add a person");
        browser.clickText("Add person");
        assertThat(browser.text(".govuk-error-summary")).contains("Enter the person's full name").contains("Select what they do");
        assertThat(browser.find("#name").getAttribute("aria-describedby")).isEqualTo("name-error");
        browser.check("admin-person-errors");
        String username = "priya.patel" + System.currentTimeMillis() % 100_000;
        browser.type("#name", "Priya Patel");
        browser.type("#username", username);
        browser.type("#email", "priya.patel@medway-sps.example");
        browser.click("#role"); // refers residents
        new Select(browser.find("#organisationId")).selectByVisibleText("Medway Social Prescribing Service");
        new Select(browser.find("#professionalRole")).selectByVisibleText("Link worker");
        browser.type("#password", "kettle orchard lantern");
        browser.clickText("Add person");
        assertThat(browser.text(".govuk-notification-banner")).contains("Priya Patel can now sign in as " + username);
        browser.check("admin-people");
        signOut();

        signIn(username, "kettle orchard lantern");
        assertThat(browser.page()).contains("Hello, Priya Patel", "Find a service and refer a resident");
        assertThat(browser.text(".govuk-service-navigation")).contains("My referrals").doesNotContain("Administration");
        signOut();
    }

    private void signIn(String user) {
        signIn(user, "demo");
    }

    private void signIn(String user, String password) {
        browser.open(base + "/");
        if (!browser.all(".app-link-button").isEmpty()) {
            signOut(); // a test before this one stopped half-way
        }
        browser.clickText("Sign in");
        browser.type("#username", user);
        browser.type("#password", password);
        browser.follow("button[type=submit]");
        browser.waiting(Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().startsWith(base));
    }

    private void signOut() {
        browser.follow(".app-link-button");
        browser.waiting(Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().startsWith(base)
                && driver.getPageSource().contains("Sign in"));
    }
}
