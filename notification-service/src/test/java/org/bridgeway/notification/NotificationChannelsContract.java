package org.bridgeway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email, webhook, preferences, digests, settings problems, review reminders and the live stream,
 * each against a real SMTP server, a real HTTP endpoint and real Kafka. Each test works on an
 * organisation of its own, so what one test sends cannot satisfy another.
 */
abstract class NotificationChannelsContract extends NotificationServiceContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** As {@code bridgeway.notification.delivery.attempts} in {@link NotificationServiceContract#settings}. */
    private static final int ATTEMPTS = 6;

    @Test
    void aNewReferralReachesTheOrganisationsEmailAddressesAndItsSignedWebhook() throws Exception {
        try (TestWebhook hook = new TestWebhook(200)) {
            String org = UUID.randomUUID().toString();
            organisation(org, 1, List.of(inbox(org), "second." + inbox(org)), hook.url());
            awaitReplica(org);
            String reference = reference();
            publish(reference, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", referral(org, "sam.prescriber", reference));

            await().atMost(Duration.ofSeconds(20)).until(() -> !TestMail.to(inbox(org)).isEmpty()
                    && !TestMail.to("second." + inbox(org)).isEmpty() && !hook.calls().isEmpty());
            TestMail.Received email = TestMail.to(inbox(org)).getFirst();
            assertThat(email.subject()).isEqualTo("New referral: " + reference);
            assertThat(email.body()).contains(reference).contains("is waiting for your response").contains("http://localhost:8080/referrals/");

            TestWebhook.Call call = hook.calls().getFirst();
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.get("kind").asString()).isEqualTo("REFERRAL_RECEIVED");
            assertThat(body.get("reference").asString()).isEqualTo(reference);
            String secret = api().get("/api/notifications/organisations/" + org + "/webhook", administrator(org)).body().get("secret").asString();
            String signature = call.header("Bridgeway-Signature");
            String t = signature.substring(2, signature.indexOf(','));
            assertThat(signature).endsWith(",v1=" + hmac(secret, t + "." + new String(call.body(), StandardCharsets.UTF_8)));

            assertThat(awaitNotification(TestTokens.token("anyone", "PROVIDER", org, TestTokens.AUDIENCE), reference).get("kind").asString())
                    .isEqualTo("REFERRAL_RECEIVED");
        }
    }

    @Test
    void theReferrerIsEmailedAtTheAddressTheirTokenGaveUnlessTheySwitchedThatKindOff() {
        String org = UUID.randomUUID().toString();
        String referrer = "referrer." + UUID.randomUUID();
        String token = TestTokens.token(referrer, "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE);
        assertThat(api().get("/api/notifications", token).status()).isEqualTo(200); // signing in tells us their address

        assertThat(api().put("/api/notifications/preferences", token, """
                {"emailDigest":"IMMEDIATE","events":[{"kind":"REFERRAL_DECLINED","inApp":true,"email":false}]}""").status())
                .isEqualTo(200);
        String accepted = reference();
        String declined = reference();
        publish(accepted, UUID.randomUUID().toString(), "org.bridgeway.referral.accepted.v1", referral(org, referrer, accepted, "accepted"));
        publish(declined, UUID.randomUUID().toString(), "org.bridgeway.referral.declined.v1", referral(org, referrer, declined, "declined"));

        awaitNotification(token, declined);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(referrer + "@bridgeway.test").contains("Referral accepted: " + accepted));
        assertThat(subjects(referrer + "@bridgeway.test")).as("declined is in-app only").noneMatch(s -> s.contains(declined));
    }

    @Test
    void preferencesNameTheFieldThatIsWrong() {
        Api.Response unknownKind = api().put("/api/notifications/preferences", TestTokens.referrer(), """
                {"emailDigest":"DAILY","events":[{"kind":"REFERRAL_SHOUTED","inApp":true,"email":false}]}""");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.body().get("errors").get(0).get("field").asString()).isEqualTo("events[0].kind");

        Api.Response twice = api().put("/api/notifications/preferences", TestTokens.referrer(), """
                {"emailDigest":"DAILY","events":[{"kind":"REFERRAL_ACCEPTED","inApp":true,"email":false},
                                                 {"kind":"REFERRAL_ACCEPTED","inApp":true,"email":true}]}""");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("errors").get(0).get("field").asString()).isEqualTo("events[1].kind");

        Api.Response noDigest = api().put("/api/notifications/preferences", TestTokens.referrer(), """
                {"events":[]}""");
        assertThat(noDigest.status()).isEqualTo(400);
        assertThat(noDigest.body().get("errors").get(0).get("field").asString()).isEqualTo("emailDigest");
        assertThat(api().get("/api/notifications/preferences", TestTokens.referrer()).body().get("emailDigest").asString())
                .as("nothing stored").isEqualTo("IMMEDIATE");
    }

    @Test
    void someoneWhoChoseADigestGetsOneEmailGatheringTheDay() {
        String org = UUID.randomUUID().toString();
        String referrer = "digest." + UUID.randomUUID();
        String token = TestTokens.token(referrer, "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE);
        assertThat(api().put("/api/notifications/preferences", token, """
                {"emailDigest":"DAILY","events":[]}""").status()).isEqualTo(200);
        List<String> references = List.of(reference(), reference(), reference());
        references.forEach(ref -> publish(ref, UUID.randomUUID().toString(), "org.bridgeway.referral.accepted.v1",
                referral(org, referrer, ref, "accepted")));

        String address = referrer + "@bridgeway.test";
        await().atMost(Duration.ofSeconds(30)).until(() -> references.stream()
                .allMatch(ref -> TestMail.to(address).stream().anyMatch(mail -> mail.body().contains(ref))));
        assertThat(TestMail.to(address)).isNotEmpty().allMatch(mail -> mail.subject().startsWith("Your Bridgeway daily digest: "));
        assertThat(TestMail.to(address).size()).as("gathered, not one email each").isLessThan(references.size());
    }

    @Test
    void aWebhookThatKeepsFailingIsParkedSwitchedOffAndItsAdministratorsAreTold() {
        try (TestWebhook hook = new TestWebhook(500)) {
            String org = UUID.randomUUID().toString();
            organisation(org, 1, List.of(), hook.url());
            awaitReplica(org);
            String reference = reference();
            publish(reference, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", referral(org, "sam.prescriber", reference));

            JsonNode notice = awaitNotification(administrator(org), "Organisation " + org.substring(0, 4), "WEBHOOK_SWITCHED_OFF");
            assertThat(notice.get("message").asString()).contains("HTTP 500");
            assertThat(hook.calls()).as("tried as often as the policy says").hasSize(ATTEMPTS);
            JsonNode webhook = api().get("/api/notifications/organisations/" + org + "/webhook", administrator(org)).body();
            assertThat(webhook.get("enabled").asBoolean()).isFalse();
            assertThat(webhook.get("switchedOffReason").asString()).contains("HTTP 500");

            String later = reference();
            publish(later, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", referral(org, "sam.prescriber", later));
            awaitNotification(TestTokens.token("anyone", "PROVIDER", org, TestTokens.AUDIENCE), later);
            assertThat(hook.calls()).as("no calls while switched off").hasSize(ATTEMPTS);
            assertThat(countOn("notification.deliveries.dlt", null)).isPositive();

            assertThat(api().post("/api/notifications/organisations/" + org + "/webhook/switch-on", administrator(org), "", Map.of())
                    .body().get("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void onlyTheOrganisationsAdministratorsSeeItsWebhook() {
        String org = UUID.randomUUID().toString();
        organisation(org, 1, List.of(), "https://hooks.example/" + org);
        String path = "/api/notifications/organisations/" + org + "/webhook";
        awaitReplica(org);

        assertThat(api().get(path, TestTokens.token("admin.user", "ADMIN", null, TestTokens.AUDIENCE)).status()).isEqualTo(200);
        assertThat(api().get(path, TestTokens.token("colleague", "PROVIDER", org, TestTokens.AUDIENCE)).status()).isEqualTo(403);
        assertThat(api().get(path, TestTokens.citizensAdvice()).status()).isEqualTo(404);
        assertThat(api().get(path, TestTokens.referrer()).status()).isEqualTo(404);
        assertThat(api().get(path, TestTokens.manager()).status()).isEqualTo(404);
        assertThat(api().post(path + "/switch-on", TestTokens.citizensAdvice(), "", Map.of()).status()).isEqualTo(404);
        assertThat(api().get(path, null).status()).isEqualTo(401);
    }

    @Test
    void unusableSettingsAreReportedToTheAdministratorsAndDoNotStopTheOtherRecipients() {
        String org = UUID.randomUUID().toString();
        organisation(org, 1, List.of("not an address", inbox(org)), "ftp://files.example/hook");

        JsonNode notice = awaitNotification(administrator(org), "Organisation " + org.substring(0, 4), "SETTINGS_INVALID");
        assertThat(notice.get("message").asString()).contains("\"not an address\"").contains("ftp://files.example/hook");

        String reference = reference();
        publish(reference, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", referral(org, "sam.prescriber", reference));
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(inbox(org)).contains("New referral: " + reference));
    }

    @Test
    void aListingDueForReviewRemindsItsOrganisation() {
        String org = UUID.randomUUID().toString();
        organisation(org, 1, List.of(inbox(org)), null);
        awaitReplica(org);
        String serviceId = UUID.randomUUID().toString();
        publishTo("directory.services.v1", serviceId, UUID.randomUUID().toString(), "org.bridgeway.directory.service.review-due.v1", """
                {"serviceId":"%s","sequence":7,"organisationId":"%s","name":"Warm Homes Advice","lastVerifiedAt":"2026-04-02T14:41:37Z",
                 "reviewDueSince":"2026-11-22T15:12:08Z"}""".formatted(serviceId, org).getBytes(StandardCharsets.UTF_8));

        JsonNode notice = awaitNotification(TestTokens.token("anyone", "PROVIDER", org, TestTokens.AUDIENCE), "Warm Homes Advice");
        assertThat(notice.get("kind").asString()).isEqualTo("LISTING_REVIEW_DUE");
        assertThat(notice.get("link").asString()).isEqualTo("/directory/services/" + serviceId);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(inbox(org)).contains("Listing due for review: Warm Homes Advice"));
    }

    @Test
    void emailWaitsOutAnSmtpOutageAndGoesWhenTheServerIsBack() throws Exception {
        String org = UUID.randomUUID().toString();
        organisation(org, 1, List.of(inbox(org)), null);
        awaitReplica(org);
        double retriedBefore = metric("bridgeway_notification_deliveries_total{channel=\"EMAIL\",result=\"retried\"");
        TestMail.stop();
        try {
            String reference = reference();
            publish(reference, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", referral(org, "sam.prescriber", reference));
            // Read while the server is down: the email can only arrive by waiting for it.
            awaitNotification(TestTokens.token("anyone", "PROVIDER", org, TestTokens.AUDIENCE), reference);
            await().atMost(Duration.ofSeconds(20)).until(() -> metric("bridgeway_notification_deliveries_total{channel=\"EMAIL\",result=\"retried\"") > retriedBefore);
            TestMail.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> subjects(inbox(org)).contains("New referral: " + reference));
        } finally {
            TestMail.start();
        }
    }

    @Test
    void theLiveStreamPushesNewNotifications() throws Exception {
        String referrer = "live." + UUID.randomUUID();
        try (LiveStream stream = openStream(TestTokens.token(referrer, "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE))) {
            String reference = reference();
            publish(reference, UUID.randomUUID().toString(), "org.bridgeway.referral.accepted.v1",
                    referral(UUID.randomUUID().toString(), referrer, reference, "accepted"));

            await().atMost(Duration.ofSeconds(20)).until(() -> stream.lines().stream().anyMatch(line -> line.startsWith("data:") && line.contains(reference)));
            assertThat(stream.lines()).anyMatch(line -> line.startsWith("event:") && line.endsWith("notification"));
        }
    }

    @Test
    void aNoticeWrittenByAnotherInstanceReachesTheStreamsOpenHere() throws Exception {
        String referrer = "elsewhere." + UUID.randomUUID();
        try (LiveStream stream = openStream(TestTokens.token(referrer, "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE))) {
            String reference = reference();
            // As another instance announces a notice it wrote.
            String notice = """
                    {"id":"%s","recipient":"user:%s","eventId":"%s","kind":"REFERRAL_ACCEPTED","referralId":"%s","reference":"%s",
                     "message":"Referral %s was accepted.","link":"http://localhost:8080/referrals/x","createdAt":"2026-11-23T10:00:00Z","read":false}
                    """.formatted(UUID.randomUUID(), referrer, UUID.randomUUID(), UUID.randomUUID(), reference, reference);
            kafka.send("notification.inapp.v1", "user:" + referrer, notice.getBytes(StandardCharsets.UTF_8)).join();

            await().atMost(Duration.ofSeconds(20)).until(() -> stream.lines().stream().anyMatch(line -> line.startsWith("data:") && line.contains(reference)));
        }
    }

    /** The lines of an open live stream as they arrive. */
    record LiveStream(HttpResponse<Stream<String>> response, LinkedBlockingQueue<String> lines, Thread reader) implements AutoCloseable {
        @Override
        public void close() {
            reader.interrupt();
            response.body().close();
        }
    }

    LiveStream openStream(String token) throws Exception {
        awaitLiveFanOut();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        return new LiveStream(response, lines, Thread.ofVirtual().start(() -> response.body().forEach(lines::add)));
    }

    @Test
    void everythingCanBeMarkedReadAtOnce() {
        String referrer = "reader." + UUID.randomUUID();
        String token = TestTokens.token(referrer, "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE);
        String org = UUID.randomUUID().toString();
        String first = reference();
        String second = reference();
        publish(first, UUID.randomUUID().toString(), "org.bridgeway.referral.accepted.v1", referral(org, referrer, first, "accepted"));
        publish(second, UUID.randomUUID().toString(), "org.bridgeway.referral.started.v1", referral(org, referrer, second, "started"));
        awaitNotification(token, first);
        awaitNotification(token, second);

        assertThat(api().post("/api/notifications/read", token, "", Map.of()).body().get("marked").asLong()).isEqualTo(2);
        assertThat(api().get("/api/notifications", token).body().get("unreadCount").asLong()).isZero();
    }

    // --- helpers ---

    static String inbox(String org) {
        return "referrals." + org.substring(0, 8) + "@org.test";
    }

    JsonNode awaitNotification(String token, String reference, String kind) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mine(token, reference).stream().anyMatch(n -> kind.equals(n.get("kind").asString())));
        return mine(token, reference).stream().filter(n -> kind.equals(n.get("kind").asString())).findFirst().orElseThrow();
    }

    List<String> subjects(String address) {
        return TestMail.to(address).stream().map(TestMail.Received::subject).toList();
    }

    double metric(String prefix) {
        String scrape = api().text("/actuator/prometheus");
        return scrape.lines().filter(line -> line.startsWith(prefix)).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
