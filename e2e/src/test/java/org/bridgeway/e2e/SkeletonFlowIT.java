package org.bridgeway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton end to end, as a new user would try it: ./bridgeway run starts every
 * process, then everything goes through the gateway with real tokens from the identity provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkeletonFlowIT {

    static final String GREEN_DOCTORS = "0b6d3f7e-2c1a-4e59-8f4d-9a1e2b3c4d02";

    Platform platform;
    String referralId;
    String reference;

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of(System.getProperty("bridgeway.root", ".."));
        platform = new Platform(root, root.resolve("e2e/target/bridgeway-var-" + UUID.randomUUID().toString().substring(0, 8)));
        Duration startup = platform.start();
        System.out.println("[e2e] ./bridgeway run healthy in " + startup.toSeconds() + " s");
    }

    @AfterAll
    void stop() throws Exception {
        platform.close();
    }

    String gateway(String path) {
        return platform.gateway() + path;
    }

    String token(String user) {
        return Http.token(platform.identity(), user);
    }

    @Test
    @Order(1)
    void aListingMadeByTheAdministratorIsReferredToAcceptedAndEveryoneIsTold() throws Exception {
        String admin = token("adam.admin");
        String sam = token("sam.prescriber");
        String gemma = token("gemma.greendoctors");
        // Sam's browser asks for the unread count on every page, which tells notifications his work address.
        assertThat(Http.get(gateway("/api/notifications"), sam).status()).isEqualTo(200);
        LiveStream samLive = LiveStream.open(gateway("/api/notifications/stream"), sam);

        Http.Response organisation = Http.post(gateway("/api/directory/organisations"), admin,
                """
                {"name":"Medway Foodbank","type":"CHARITY","referralEmails":["referrals@medwayfoodbank.example"]}
                """, Map.of());
        assertThat(organisation.status()).isEqualTo(201);
        Http.Response listing = Http.post(gateway("/api/directory/services"), admin, """
                {"organisationId":"%s","name":"Green Doctors Home Energy Visits","description":"Energy advice at home",
                 "categories":["fuel"],"coverage":{"wholeArea":false,"areas":["medway"]},"deliveryModes":["HOME_VISIT"],
                 "referral":{"pathway":"REFERRAL","referrerRoles":["social-prescriber","link-worker"],"selfReferral":false}}
                """.formatted(GREEN_DOCTORS), Map.of());
        assertThat(listing.status()).isEqualTo(201);
        String serviceId = listing.body().get("id").asString();

        // A social prescriber finds it as a resident in Gillingham would need it: by need, not by name.
        JsonNode found = Http.get(gateway("/api/directory/services?q=energy%20bills&postcode=ME7%201AA&deliveryMode=HOME_VISIT"), sam).body();
        assertThat(found.get("items").valueStream().map(item -> item.get("id").asString())).contains(serviceId);
        assertThat(found.get("facets").get("category").get("fuel").asInt()).isPositive();

        // The listing travels to referral-service's replica over directory.services.v1; until it
        // arrives the submission is refused as naming an unknown service, after that it is taken.
        String submission = """
                {"serviceId":"%s","category":"fuel","urgency":"URGENT","reason":"Energy bill rose from 90 to 210 pounds a month",
                 "consent":{"given":true,"method":"VERBAL","recordedAt":"2026-11-22T10:00:00Z"},
                 "resident":{"name":"Jo Bloggs","dateOfBirth":"1988-04-02","postcode":"ME7 1AA","phone":"07700 900123","contactPreference":"PHONE"}}
                """.formatted(serviceId);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Http.Response[] submitted = new Http.Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            submitted[0] = Http.post(gateway("/api/referrals"), sam, submission, key);
            return submitted[0].status() == 201;
        });
        referralId = submitted[0].body().get("id").asString();
        reference = submitted[0].body().get("reference").asString();
        assertThat(submitted[0].body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted[0].body().get("coverage").asString()).isEqualTo("WITHIN");
        assertThat(Http.post(gateway("/api/referrals"), sam, submission, key).body().get("id").asString())
                .as("a retried submission").isEqualTo(referralId);

        // Sam's token says social prescriber, which the listing takes; a resident beyond Medway is a warning.
        Http.Response fromMaidstone = Http.post(gateway("/api/referrals"), sam, submission.replace("ME7 1AA", "ME15 6AA"), Map.of());
        assertThat(fromMaidstone.status()).isEqualTo(201);
        assertThat(fromMaidstone.body().get("warnings").get(0).get("field").asString()).isEqualTo("resident.postcode");
        Http.Response forGps = Http.post(gateway("/api/directory/services"), admin, """
                {"organisationId":"%s","name":"Green Doctors Warm Homes on Prescription","categories":["fuel"],
                 "coverage":{"wholeArea":true,"areas":[]},"deliveryModes":["HOME_VISIT"],
                 "referral":{"pathway":"REFERRAL","referrerRoles":["gp-practice"],"selfReferral":false}}
                """.formatted(GREEN_DOCTORS), Map.of());
        assertThat(forGps.status()).isEqualTo(201);
        String onlyGps = submission.replace(serviceId, forGps.body().get("id").asString());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                !Http.post(gateway("/api/referrals"), sam, onlyGps, Map.of()).body().get("errors").get(0)
                        .get("message").asString().contains("must be a service in the directory"));
        Http.Response refused = Http.post(gateway("/api/referrals"), sam, onlyGps, Map.of());
        assertProblem(refused, 400);
        assertThat(refused.body().get("errors").get(0).get("message").asString()).contains("gp-practice", "social-prescriber");

        JsonNode received = awaitNotification(gemma, "REFERRAL_RECEIVED");
        assertThat(received.get("message").asString()).contains(reference).doesNotContain("Jo Bloggs");
        JsonNode inbox = Http.get(gateway("/api/referrals?view=inbox&size=100"), gemma).body();
        assertThat(inbox.get("items").valueStream().map(r -> r.get("id").asString())).contains(referralId);

        Http.Response accepted = Http.post(gateway("/api/referrals/" + referralId + "/accept"), gemma, "", Map.of("If-Match", "\"1\""));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.etag()).isEqualTo("\"2\"");
        assertThat(Http.post(gateway("/api/referrals/" + referralId + "/accept"), gemma, "", Map.of("If-Match", "\"1\"")).status())
                .as("a second, concurrent accept").isEqualTo(412);

        assertThat(Http.get(gateway("/api/referrals/" + referralId), sam).body().get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode told = awaitNotification(sam, "REFERRAL_ACCEPTED");
        assertThat(told.get("message").asString()).contains(reference);
        await().atMost(Duration.ofSeconds(10)).until(() -> samLive.received(reference, "REFERRAL_ACCEPTED"));
        samLive.close();
        // Green Doctors works the referral and closes it with an outcome; the referrer is told.
        assertThat(Http.post(gateway("/api/referrals/" + referralId + "/start"), gemma, "{\"note\":\"Called the family\"}",
                Map.of("If-Match", "\"2\"")).status()).isEqualTo(200);
        Http.Response completed = Http.post(gateway("/api/referrals/" + referralId + "/complete"), gemma,
                "{\"outcome\":\"SUPPORT_PROVIDED\",\"note\":\"Payment plan, social tariff, draught-proofing\"}", Map.of("If-Match", "\"3\""));
        assertThat(completed.body().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(awaitNotification(sam, "REFERRAL_COMPLETED").get("message").asString()).contains("support provided");
        assertThat(Http.get(gateway("/api/referrals/" + referralId + "/history"), sam).body().valueStream()
                .map(h -> h.get("to").asString()).toList()).containsExactly("SUBMITTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED");

        // By email: Green Doctors' referral inbox hears of the referral, Sam of its acceptance and outcome; no resident data.
        int imap = platform.port("IMAP_PORT");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                subjects(imap, "referrals@greendoctors.example").contains("New referral: " + reference)
                        && subjects(imap, "sam.prescriber@medway-sps.example").containsAll(
                        List.of("Referral accepted: " + reference, "Referral completed: " + reference)));
        assertThat(Mailbox.of(imap, "referrals@greendoctors.example")).allSatisfy(mail ->
                assertThat(mail.text()).doesNotContain("Jo Bloggs", "07700", "ME7 1AA", "210 pounds"));

        // Maya, a manager, sees the outcome categories for Green Doctors; too few to show, so "<5". Sam may not.
        String maya = token("maya.manager");
        String report = gateway("/api/reports/outcome-categories?organisation=" + GREEN_DOCTORS);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> Http.get(report, maya).status() == 200
                && Http.get(report, maya).body().get("rows").valueStream().anyMatch(row -> row.get("category").asString().equals("fuel")));
        assertThat(Http.get(report, maya).body().get("total").asString()).isEqualTo("<5");
        Http.Response csv = Http.get(report + "&format=csv", maya);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).contains("# organisation: " + GREEN_DOCTORS, "fuel,Fuel Advice & Support,<5,").doesNotContain("Jo Bloggs");
        assertProblem(Http.get(report, sam), 403);
    }

    static List<String> subjects(int imapPort, String address) {
        return Mailbox.of(imapPort, address).stream().map(Mailbox.Mail::subject).toList();
    }

    @Test
    @Order(2)
    void refusalsAreProblemDetails() {
        String maya = token("maya.manager");
        String carl = token("carl.citizensadvice");

        assertProblem(Http.get(gateway("/api/referrals"), null), 401);
        assertProblem(Http.get(gateway("/api/referrals"), "not-a-token"), 401);
        assertProblem(Http.get(gateway("/no/such/route"), null), 404);
        assertProblem(Http.get(gateway("/api/no-such-api"), maya), 404);
        assertProblem(Http.post(gateway("/api/directory/organisations"), maya, "{\"name\":\"X\",\"type\":\"OTHER\"}", Map.of()), 403);
        assertProblem(Http.get(gateway("/api/referrals/" + referralId), carl), 404);
        Http.Response invalid = Http.post(gateway("/api/referrals"), token("sam.prescriber"), "{\"urgency\":\"URGENT\"}", Map.of());
        assertProblem(invalid, 400);
        assertThat(invalid.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains("serviceId", "category", "resident", "reason");
    }

    @Test
    @Order(3)
    void everyProcessReportsHealthInfoAndMetricsTaggedWithItsName() {
        Map<String, String> services = Map.of("GATEWAY_PORT", "gateway", "IDENTITY_PORT", "identity",
                "DIRECTORY_PORT", "directory-service", "REFERRAL_PORT", "referral-service", "NOTIFICATION_PORT", "notification-service", "WEB_PORT", "web");
        services.forEach((port, name) -> {
            String base = platform.service(port);
            assertThat(Http.get(base + "/actuator/health", null).body().get("status").asString()).as(name).isEqualTo("UP");
            assertThat(Http.get(base + "/actuator/info", null).body().get("build").get("artifact").asString()).isEqualTo(name);
            assertThat(Http.get(base + "/actuator/prometheus", null).raw()).contains("service=\"" + name + "\"");
        });
    }

    @Test
    @Order(4)
    void aSecondRunKeepsTheDataAndTheTokensIssuedBefore() throws Exception {
        String samBefore = token("sam.prescriber");
        String gemmaBefore = token("gemma.greendoctors");
        assertThat(platform.stop()).as("./bridgeway run exits cleanly on ./bridgeway stop").isZero();

        Duration restart = platform.start();
        System.out.println("[e2e] second ./bridgeway run healthy in " + restart.toSeconds() + " s");

        Http.Response referral = Http.get(gateway("/api/referrals/" + referralId), samBefore);
        assertThat(referral.status()).isEqualTo(200);
        assertThat(referral.body().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(notifications(gemmaBefore).stream().filter(n -> reference.equals(n.get("reference").asString()))).hasSize(1);
        JsonNode greenDoctorsListings = Http.get(gateway("/api/directory/services?q=green%20doctors&size=100"), samBefore).body();
        assertThat(greenDoctorsListings.get("items").valueStream()
                .filter(l -> l.get("name").asString().equals("Green Doctors Energy Advice")).count())
                .as("demo data loaded once").isEqualTo(1);
    }

    JsonNode awaitNotification(String token, String kind) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> notifications(token).stream()
                .anyMatch(n -> reference.equals(n.get("reference").asString()) && kind.equals(n.get("kind").asString())));
        return notifications(token).stream().filter(n -> reference.equals(n.get("reference").asString())
                && kind.equals(n.get("kind").asString())).findFirst().orElseThrow();
    }

    List<JsonNode> notifications(String token) {
        return Http.get(gateway("/api/notifications?size=100"), token).body().get("items").valueStream().toList();
    }

    @Test
    @Order(5)
    void anAdministratorImportsTheAssetMapAndTheDirectoryIsOpenToAll() throws Exception {
        String adam = token("adam.admin");
        String sam = token("sam.prescriber");
        String csv = Files.readString(Path.of("src/test/resources/asset-map-row.csv"));

        Http.Response imported = Http.post(gateway("/api/directory/imports/asset-map"), adam, "text/csv", csv, Map.of());
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        Http.Response again = Http.post(gateway("/api/directory/imports/asset-map"), adam, "text/csv", csv, Map.of());
        assertThat(again.body().get("created").asInt()).as("a re-import creates nothing").isZero();
        String serviceId = imported.body().get("rows").get(0).get("serviceId").asString();
        JsonNode found = Http.get(gateway("/api/directory/services?q=kingfisher%20walks"), sam).body();
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(serviceId);
        assertProblem(Http.post(gateway("/api/directory/imports/asset-map"), sam, "text/csv", csv, Map.of()), 403);

        // The Open Referral UK feed: public, no token, readable from any web page.
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway("/openreferral/services?search=kingfisher"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonNode page = Http.JSON.readTree(feed.body());
        assertThat(page.get("contents").get(0).get("id").asString()).isEqualTo(serviceId);
        assertThat(Http.get(gateway("/openreferral/services/" + serviceId), null).body().get("name").asString()).isEqualTo("Kingfisher Wellbeing Walks");
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
    }
}
