package org.bridgeway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The notification service's behaviour over real Kafka, HTTP and the store. */
abstract class NotificationServiceContract {

    @Value("${local.server.port}")
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMappings;

    /** The settings both infrastructures share: the test mail server, quick retries, a digest every few seconds. */
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("bridgeway.notification.link-base-url", () -> "http://localhost:8080");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("bridgeway.notification.webhook.allow-local-addresses", () -> "true");
        registry.add("bridgeway.notification.delivery.first-retry", () -> "200ms");
        registry.add("bridgeway.notification.delivery.longest-wait", () -> "2s");
        registry.add("bridgeway.notification.delivery.attempts", () -> "6");
        registry.add("bridgeway.notification.delivery.poll-every", () -> "100ms");
        registry.add("bridgeway.notification.digest.cron", () -> "*/3 * * * * *");
    }

    Api api() {
        return new Api(port);
    }

    @Test
    void aNewReferralReachesTheReceivingOrganisationAndItsAcceptanceTheReferrer() {
        String referralId = UUID.randomUUID().toString();
        String reference = reference();
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", event(referralId, reference, 1, "SUBMITTED"));

        JsonNode gemma = awaitNotification(TestTokens.greenDoctors(), reference);
        assertThat(gemma.get("kind").asString()).isEqualTo("REFERRAL_RECEIVED");
        assertThat(gemma.get("message").asString()).contains(reference);
        assertThat(mine(TestTokens.citizensAdvice(), reference)).isEmpty();

        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.accepted.v1", event(referralId, reference, 2, "ACCEPTED"));
        JsonNode sam = awaitNotification(TestTokens.referrer(), reference);
        assertThat(sam.get("kind").asString()).isEqualTo("REFERRAL_ACCEPTED");

        long unread = api().get("/api/notifications", TestTokens.referrer()).body().get("unreadCount").asLong();
        assertThat(api().post("/api/notifications/" + sam.get("id").asString() + "/read", TestTokens.referrer(), "", Map.of()).status()).isEqualTo(204);
        assertThat(api().get("/api/notifications", TestTokens.referrer()).body().get("unreadCount").asLong()).isEqualTo(unread - 1);
        assertThat(api().post("/api/notifications/" + sam.get("id").asString() + "/read", TestTokens.citizensAdvice(), "", Map.of()).status())
                .as("someone else's notification").isEqualTo(404);
    }

    @Test
    void thePublishedExampleOfASubmittedReferralNotifiesItsOrganisation() throws Exception {
        byte[] example = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "contracts", "examples", "org.bridgeway.referral.submitted.v1.json"));
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(example);
        publish(body.get("referralId").asString(), UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", example);

        JsonNode notification = awaitNotification(
                TestTokens.token("someone.at.that.organisation", "PROVIDER", body.get("organisationId").asString(), TestTokens.AUDIENCE),
                body.get("reference").asString());
        assertThat(notification.get("kind").asString()).isEqualTo("REFERRAL_RECEIVED");
    }

    @Test
    void theReferrerHearsOfTheOutcomeAndTheOrganisationOfACancellation() {
        String referralId = UUID.randomUUID().toString();
        String completedRef = reference();
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.completed.v1",
                event(referralId, completedRef, 4, "COMPLETED", null, "SUPPORT_PROVIDED"));
        assertThat(awaitNotification(TestTokens.referrer(), completedRef).get("message").asString()).contains("support provided");

        String cancelledRef = reference();
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.cancelled.v1",
                event(referralId, cancelledRef, 2, "CANCELLED", "NO_LONGER_NEEDED", null));
        assertThat(awaitNotification(TestTokens.greenDoctors(), cancelledRef).get("kind").asString()).isEqualTo("REFERRAL_CANCELLED");

        String expiredRef = reference();
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.expired.v1",
                event(referralId, expiredRef, 3, "EXPIRED", null, null));
        assertThat(awaitNotification(TestTokens.greenDoctors(), expiredRef).get("kind").asString()).isEqualTo("REFERRAL_EXPIRED");
        assertThat(awaitNotification(TestTokens.referrer(), expiredRef).get("kind").asString()).isEqualTo("REFERRAL_EXPIRED");
    }

    @Test
    void aMessageGoesToTheSideThatDidNotWriteIt() {
        String referralId = UUID.randomUUID().toString();
        String fromProvider = reference();
        String fromReferrer = reference();
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.message-posted.v1",
                event(referralId, fromProvider, 3, "ACCEPTED", null, null, "PROVIDER"));
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.message-posted.v1",
                event(referralId, fromReferrer, 4, "ACCEPTED", null, null, "REFERRER"));

        assertThat(awaitNotification(TestTokens.referrer(), fromProvider).get("kind").asString()).isEqualTo("REFERRAL_MESSAGE");
        assertThat(awaitNotification(TestTokens.greenDoctors(), fromReferrer).get("kind").asString()).isEqualTo("REFERRAL_MESSAGE");
        assertThat(mine(TestTokens.greenDoctors(), fromProvider)).isEmpty();
    }

    @Test
    void aRedeliveredEventNotifiesOnce() {
        String referralId = UUID.randomUUID().toString();
        String reference = reference();
        String eventId = UUID.randomUUID().toString();
        byte[] body = event(referralId, reference, 1, "SUBMITTED");
        publish(referralId, eventId, "org.bridgeway.referral.submitted.v1", body);
        publish(referralId, eventId, "org.bridgeway.referral.submitted.v1", body);
        String later = reference();
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", event(referralId, later, 1, "SUBMITTED"));

        awaitNotification(TestTokens.greenDoctors(), later); // both copies of the first have been read by now
        assertThat(mine(TestTokens.greenDoctors(), reference)).hasSize(1);
    }

    @Test
    void unreadableMessagesAreParkedAndDoNotBlockThePartition() {
        String referralId = UUID.randomUUID().toString();
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v7", event(referralId, reference(), 1, "SUBMITTED"));
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", "{not json".getBytes(StandardCharsets.UTF_8));
        String reference = reference();
        publish(referralId, UUID.randomUUID().toString(), "org.bridgeway.referral.submitted.v1", event(referralId, reference, 1, "SUBMITTED"));

        awaitNotification(TestTokens.greenDoctors(), reference);
        assertThat(parked(referralId)).isEqualTo(2);
    }

    @Test
    void aCallerWithoutAValidTokenIsRefused() {
        assertThat(api().get("/api/notifications", null).status()).isEqualTo(401);
        assertThat(api().get("/api/notifications", TestTokens.token("x", "REFERRER", null, "wrong-audience")).status()).isEqualTo(401);
        assertThat(api().get("/api/notifications?size=1000", TestTokens.referrer()).status()).isEqualTo(400);
    }

    /** One endpoint, and how to call it. */
    record Endpoint(String method, String pattern, Function<String, Api.Response> call) {
    }

    /**
     * Every endpoint called as every kind of caller. A new endpoint without a row here fails
     * the build, so no endpoint ships without an authorisation rule.
     */
    @Test
    void authorisationMatrix() {
        String org = UUID.randomUUID().toString();
        organisation(org, 1, List.of(), "https://hooks.example/" + org);
        awaitReplica(org);
        String person = "ada." + UUID.randomUUID();
        String addressee = TestTokens.token(person, "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE);
        String reference = reference();
        publish(reference, UUID.randomUUID().toString(), "org.bridgeway.referral.accepted.v1", referral(org, person, reference, "accepted"));
        String notification = awaitNotification(addressee, reference).get("id").asString();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("addressee", addressee);
        callers.put("another person", TestTokens.token("ben." + UUID.randomUUID(), "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE));
        callers.put("organisation's administrator", administrator(org));
        callers.put("colleague", TestTokens.token("colleague." + org.substring(0, 8), "PROVIDER", org, TestTokens.AUDIENCE));
        callers.put("other provider", TestTokens.citizensAdvice());
        callers.put("manager", TestTokens.manager());
        callers.put("admin", TestTokens.token("adam.admin", "ADMIN", null, TestTokens.AUDIENCE));
        callers.put("no token", null);
        String webhook = "/api/notifications/organisations/" + org + "/webhook";
        Map<Endpoint, int[]> matrix = new LinkedHashMap<>();
        //                                                                   addressee other org-admin colleague other-provider mgr admin none
        matrix.put(new Endpoint("GET", "/api/notifications", t -> api().get("/api/notifications", t)),
                new int[] {200, 200, 200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("POST", "/api/notifications/{id}/read", t -> api().post("/api/notifications/" + notification + "/read", t, "",
                Map.of())), new int[] {204, 404, 404, 404, 404, 404, 404, 401});
        matrix.put(new Endpoint("POST", "/api/notifications/read", t -> api().post("/api/notifications/read", t, "", Map.of())),
                new int[] {200, 200, 200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("GET", "/api/notifications/stream", t -> api().stream("/api/notifications/stream", t)),
                new int[] {200, 200, 200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("GET", "/api/notifications/preferences", t -> api().get("/api/notifications/preferences", t)),
                new int[] {200, 200, 200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("PUT", "/api/notifications/preferences", t -> api().put("/api/notifications/preferences", t,
                "{\"emailDigest\":\"IMMEDIATE\",\"events\":[]}")), new int[] {200, 200, 200, 200, 200, 200, 200, 401});
        // Outside the organisation it is as if there were no webhook; inside, only its administrators see the secret.
        matrix.put(new Endpoint("GET", "/api/notifications/organisations/{organisationId}/webhook", t -> api().get(webhook, t)),
                new int[] {404, 404, 200, 403, 404, 404, 200, 401});
        matrix.put(new Endpoint("POST", "/api/notifications/organisations/{organisationId}/webhook/switch-on", t -> api().post(webhook
                + "/switch-on", t, "", Map.of())), new int[] {404, 404, 200, 403, 404, 404, 200, 401});

        List<String> wrong = new ArrayList<>();
        matrix.forEach((endpoint, expected) -> {
            int column = 0;
            for (var caller : callers.entrySet()) {
                int status = endpoint.call().apply(caller.getValue()).status();
                if (status != expected[column]) {
                    wrong.add(endpoint.method() + " " + endpoint.pattern() + " as " + caller.getKey() + ": " + status + ", expected " + expected[column]);
                }
                column++;
            }
        });
        callers.forEach((label, token) -> {
            if (token != null && !token.equals(addressee) && !mine(token, reference).isEmpty()) {
                wrong.add(label + " reads the addressee's notification");
            }
        });
        assertThat(wrong).isEmpty();

        var mapped = handlerMappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
                        .map(method -> method.name() + " " + pattern)))
                .filter(endpoint -> endpoint.contains(" /api/")).collect(Collectors.toSet());
        assertThat(matrix.keySet().stream().map(e -> e.method() + " " + e.pattern()).toList())
                .as("every endpoint has a row in the authorisation matrix").containsExactlyInAnyOrderElementsOf(mapped);
    }

    /** Each service checks tokens itself, so called without the gateway it refuses what the gateway would. */
    @Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder tokenDecoder;

    @Test
    void aForgedExpiredOrMisdirectedTokenIsRefusedWithAProblem() {
        assertThat(tokenDecoder).as("Boot's decoder, behind the tokens it verified before").isInstanceOf(org.bridgeway.security.VerifiedTokens.class);
        String path = "/api/notifications";
        assertThat(api().get(path, TestTokens.referrer()).status()).as("the valid token the others are made from").isEqualTo(200);
        Map<String, String> tokens = new LinkedHashMap<>(TestTokens.abusive());
        tokens.put("no token", null);
        List<String> wrong = new ArrayList<>();
        tokens.forEach((label, token) -> {
            Api.Response refused = api().get(path, token);
            String type = refused.header("Content-Type");
            if (refused.status() != 401 || type == null || !type.startsWith("application/problem+json")
                    || refused.body().path("status").asInt(0) != 401) {
                wrong.add(label + ": " + refused.status() + " " + type);
            }
        });
        assertThat(wrong).isEmpty();
    }

    static String reference() {
        return "BW-" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    }

    static byte[] event(String referralId, String reference, long sequence, String status) {
        return event(referralId, reference, sequence, status, null, null);
    }

    static byte[] event(String referralId, String reference, long sequence, String status, String reasonCode, String outcome) {
        return event(referralId, reference, sequence, status, reasonCode, outcome, "SUBMITTED".equals(status) ? "REFERRER" : "PROVIDER");
    }

    static byte[] event(String referralId, String reference, long sequence, String status, String reasonCode, String outcome,
                        String actorRole) {
        return """
                {"referralId":"%s","reference":"%s","sequence":%d,"status":"%s","serviceId":"svc","organisationId":"%s",
                 "referrerUserId":"sam.prescriber","referrerOrganisationId":"%s","category":"fuel","urgency":"ROUTINE",
                 "reasonCode":%s,"outcome":%s,"actorRole":"%s","actorOrganisationId":"%s","parentReferralId":null,
                 "occurredAt":"2026-11-22T10:00:00Z"}
                """.formatted(referralId, reference, sequence, status, TestTokens.GREEN_DOCTORS, TestTokens.MEDWAY_SPS,
                        quoted(reasonCode), quoted(outcome), actorRole,
                        "PROVIDER".equals(actorRole) ? TestTokens.GREEN_DOCTORS : TestTokens.MEDWAY_SPS).getBytes(StandardCharsets.UTF_8);
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** The live fan-out reads from the newest record, so a notice sent before it has its partitions would pass it by. */
    void awaitLiveFanOut() {
        var container = listeners.getListenerContainer("live-fan-out");
        await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty());
    }

    void publish(String key, String eventId, String type, byte[] data) {
        publishTo("referral.events.v1", key, eventId, type, data);
    }

    void publishTo(String topic, String key, String eventId, String type, byte[] data) {
        CloudEvent event = CloudEventBuilder.v1().withId(eventId).withType(type)
                .withSource(URI.create("/bridgeway/test")).withData("application/json", data).build();
        kafka.send(KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event)).join();
    }

    JsonNode awaitNotification(String token, String reference) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !mine(token, reference).isEmpty());
        return mine(token, reference).getFirst();
    }

    List<JsonNode> mine(String token, String reference) {
        return api().get("/api/notifications?size=100", token).body().get("items").valueStream()
                .filter(n -> reference.equals(n.get("reference").asString())).toList();
    }

    long parked(String key) {
        return countOn("referral.events.v1.notification-service.dlt", key);
    }

    /** Messages on the topic with this key, or with any key when it is null. */
    long countOn(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (key == null || key.equals(record.key())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    static String administrator(String org) {
        return TestTokens.token("admin." + org.substring(0, 8), "PROVIDER", org, TestTokens.AUDIENCE);
    }

    void organisation(String org, long version, List<String> referralEmails, String webhookUrl) {
        String emails = referralEmails.stream().map(e -> "\"" + e + "\"").reduce((a, b) -> a + "," + b).orElse("");
        publishTo("directory.organisations.v1", org, UUID.randomUUID().toString(), "org.bridgeway.directory.organisation.snapshot.v1", """
                {"id":"%s","version":%d,"name":"Organisation %s","type":"CHARITY","referralEmails":[%s],"webhookUrl":%s,
                 "administrators":["admin.%s"],"status":"ACTIVE"}""".formatted(org, version, org.substring(0, 4), emails,
                webhookUrl == null ? "null" : "\"" + webhookUrl + "\"", org.substring(0, 8)).getBytes(StandardCharsets.UTF_8));
    }

    /** The organisation is in the replica once its administrator can read its webhook settings (404 before). */
    void awaitReplica(String org) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api().get("/api/notifications/organisations/" + org + "/webhook", administrator(org)).status() == 200);
    }

    static byte[] referral(String org, String referrer, String reference) {
        return referral(org, referrer, reference, "submitted");
    }

    static byte[] referral(String org, String referrer, String reference, String change) {
        boolean submitted = "submitted".equals(change);
        return """
                {"referralId":"%s","reference":"%s","sequence":1,"status":"%s","serviceId":"svc","organisationId":"%s",
                 "referrerUserId":"%s","referrerOrganisationId":"%s","category":"fuel","urgency":"ROUTINE",
                 "reasonCode":%s,"outcome":null,"actorRole":"%s","actorOrganisationId":"%s","parentReferralId":null,
                 "occurredAt":"2026-11-22T10:00:00Z"}
                """.formatted(UUID.randomUUID(), reference, change.toUpperCase(), org, referrer, TestTokens.MEDWAY_SPS,
                "declined".equals(change) ? "\"NO_CAPACITY\"" : "null", submitted ? "REFERRER" : "PROVIDER",
                submitted ? TestTokens.MEDWAY_SPS : org).getBytes(StandardCharsets.UTF_8);
    }
}
