package org.bridgeway.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.time.Instant;
import java.time.LocalDate;

import org.bridgeway.referral.directory.DirectoryReplica;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Consent;
import org.bridgeway.referral.referral.Coverage;
import org.bridgeway.referral.referral.DeclineReason;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.Resident;
import org.bridgeway.referral.referral.ResponseTimes;
import org.bridgeway.referral.referral.Urgency;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The referral service's behaviour over real HTTP, Kafka and the store; run on the embedded
 * infrastructure and, where Docker exists, on real MongoDB and Kafka images.
 */
abstract class ReferralServiceContract {

    static final String TEST_KEY = "dGVzdC1rZXktMzItYnl0ZXMtbG9uZy0xMjM0NTY3ODk=";

    @Value("${local.server.port}")
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    DirectoryReplica replica;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ResponseTimes responseTimes;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMappings;

    Api api() {
        return new Api(port);
    }

    @Test
    void aReferrerRefersAResidentAndTheEventCarriesNoPersonalData() throws Exception {
        String serviceId = listing(1, "ACCEPTING");

        Api.Response created = api().post("/api/referrals", TestTokens.referrer(), submission(serviceId), Map.of());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(created.body().get("reference").asString()).matches("BW-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        String id = created.body().get("id").asString();

        ConsumerRecord<String, byte[]> record = eventFor(id, "org.bridgeway.referral.submitted.v1");
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertThat(event.getSource()).isEqualTo(URI.create("/bridgeway/referral-service"));
        assertThat(Contracts.violations("org.bridgeway.referral.event.v1", event.getData().toBytes())).isEmpty();
        String body = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"sequence\":1", "\"category\":\"fuel\"", "\"organisationId\":\"" + TestTokens.GREEN_DOCTORS + "\"",
                        "\"residentArea\":\"gillingham\"")
                .doesNotContain("Jo Bloggs", "1988-04-02", "ME7 1AA", "ME7", "07700", "bill");
        assertThat(created.body().get("coverage").asString()).isEqualTo("WITHIN");
        assertThat(created.body().get("warnings").isEmpty()).isTrue();
    }

    @Test
    void theRequestsTraceGoesOnThroughKafkaAndEachPublishedEventIsCountedByType() {
        String serviceId = listing(1, "ACCEPTING");
        double before = submittedCount();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        // As the gateway passes it on: W3C trace context of a sampled trace.
        String id = api().post("/api/referrals", TestTokens.referrer(), submission(serviceId), Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))
                .body().get("id").asString();

        ConsumerRecord<String, byte[]> record = eventFor(id, "org.bridgeway.referral.submitted.v1");
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(submittedCount()).isGreaterThan(before));
        assertThat(meters.get("bridgeway.outbox.backlog").tag("topic", "referral.events.v1").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    private double submittedCount() {
        var counter = meters.find("bridgeway.referrals.events").tag("type", "submitted").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aResidentOutsideTheServicesCoverageIsReferredWithAWarning() {
        String serviceId = listing(1, "ACCEPTING"); // covers Medway and Swale

        Api.Response maidstone = api().post("/api/referrals", TestTokens.referrer(),
                submission(serviceId).replace("ME7 1AA", "ME15 6AA"), Map.of());
        Api.Response london = api().post("/api/referrals", TestTokens.referrer(),
                submission(serviceId).replace("ME7 1AA", "SW1A 1AA"), Map.of());
        Api.Response sheppey = api().post("/api/referrals", TestTokens.referrer(),
                submission(serviceId).replace("ME7 1AA", "me12 1aa"), Map.of());
        Api.Response strood = api().post("/api/referrals", TestTokens.referrer(),
                submission(serviceId).replace("ME7 1AA", "ME2 4AB"), Map.of());

        assertThat(maidstone.status()).isEqualTo(201);
        assertThat(maidstone.body().get("coverage").asString()).isEqualTo("OUTSIDE");
        assertThat(maidstone.body().get("residentArea").asString()).isEqualTo("maidstone");
        assertThat(maidstone.body().get("warnings").get(0).get("field").asString()).isEqualTo("resident.postcode");
        assertThat(maidstone.body().get("warnings").get(0).get("message").asString()).contains("maidstone", "outside");
        String maidstoneEvent = new String(KafkaMessageFactory.createReader(eventFor(maidstone.body().get("id").asString(),
                "org.bridgeway.referral.submitted.v1")).toEvent().getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(maidstoneEvent).contains("\"residentArea\":\"maidstone\"").doesNotContain("ME15");
        assertThat(london.status()).isEqualTo(201);
        assertThat(london.body().get("coverage").asString()).isEqualTo("UNKNOWN");
        assertThat(london.body().get("residentArea").isNull()).isTrue();
        assertThat(london.body().get("warnings")).hasSize(1);
        assertThat(sheppey.body().get("coverage").asString()).as("Swale, a covered area").isEqualTo("WITHIN");
        assertThat(sheppey.body().get("residentArea").asString()).isEqualTo("swale");
        assertThat(strood.body().get("residentArea").asString()).isEqualTo("strood");
        assertThat(strood.body().get("coverage").asString()).as("Strood, a town below Medway").isEqualTo("WITHIN");
    }

    @Test
    void aServiceTakingReferralsOnlyFromSomeProfessionsRefusesTheOthers() {
        String forGps = listing(1, "ACCEPTING", TestTokens.GREEN_DOCTORS, "fuel", "[\"gp-practice\",\"clinician\"]");
        String forPrescribers = listing(1, "ACCEPTING", TestTokens.GREEN_DOCTORS, "fuel", "[\"gp-practice\",\"social-prescriber\"]");
        String noRole = TestTokens.token("kim.linkworker", "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE);

        Api.Response refused = api().post("/api/referrals", TestTokens.referrer(), submission(forGps), Map.of());
        assertThat(fields(refused)).containsExactly("serviceId");
        assertThat(refused.body().get("errors").get(0).get("message").asString()).contains("gp-practice", "social-prescriber");
        assertThat(fields(api().post("/api/referrals", noRole, submission(forGps), Map.of()))).containsExactly("serviceId");
        assertThat(api().get("/api/referrals?view=sent&size=100", TestTokens.referrer()).body().get("items").valueStream()
                .filter(r -> r.get("serviceId").asString().equals(forGps)).count()).as("nothing stored").isZero();

        assertThat(api().post("/api/referrals", TestTokens.referrer(), submission(forPrescribers), Map.of()).status()).isEqualTo(201);
        String parent = submitted(listing(1, "ACCEPTING"));
        String onward = """
                {"serviceId":"%s","category":"fuel","urgency":"ROUTINE","reason":"GP follow-up",
                 "consent":{"given":true,"method":"VERBAL","recordedAt":"2026-11-22T10:00:00Z"}}
                """.formatted(forGps);
        assertThat(fields(api().post("/api/referrals/" + parent + "/onward", TestTokens.greenDoctors(), onward, Map.of())))
                .as("onward by a VCSE worker").containsExactly("serviceId");
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyReturnsTheFirstReferral() {
        String serviceId = listing(1, "ACCEPTING");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = api().post("/api/referrals", TestTokens.referrer(), submission(serviceId), key);
        Api.Response retry = api().post("/api/referrals", TestTokens.referrer(), submission(serviceId), key);

        assertThat(retry.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        Api.Response otherRequest = api().post("/api/referrals", TestTokens.referrer(), submission(serviceId).replace("Jo Bloggs", "Jo Blogs"), key);
        assertThat(otherRequest.status()).as("the same key with a corrected request").isEqualTo(422);
        assertThat(api().get("/api/referrals?view=sent&size=100", TestTokens.referrer()).body().get("items").valueStream()
                .filter(r -> r.get("id").asString().equals(first.body().get("id").asString())).count()).isEqualTo(1);
    }

    @Test
    void theInboxCountsItsReferralsByStatusOverTheWholeListWhateverTheFilter() {
        JsonNode before = api().get("/api/referrals?view=inbox&status=COMPLETED", TestTokens.greenDoctors()).body().get("counts");
        String accepted = submitted(listing(1, "ACCEPTING"));
        assertThat(api().post("/api/referrals/" + accepted + "/accept", TestTokens.greenDoctors(), "", ifMatch(1)).status()).isEqualTo(200);
        submitted(listing(1, "ACCEPTING"));

        JsonNode after = api().get("/api/referrals?view=inbox&status=COMPLETED", TestTokens.greenDoctors()).body().get("counts");

        assertThat(count(after, "SUBMITTED") - count(before, "SUBMITTED")).isEqualTo(1);
        assertThat(count(after, "ACCEPTED") - count(before, "ACCEPTED")).isEqualTo(1);
        assertThat(after.get("overdue").asLong()).isEqualTo(before.get("overdue").asLong());
    }

    private static long count(JsonNode counts, String status) {
        JsonNode count = counts.get("byStatus").get(status);
        return count == null ? 0 : count.asLong();
    }

    @Test
    void theReceivingOrganisationAcceptsOnceAndTheReferrerSeesItWithItsHistory() {
        String id = submitted(listing(1, "ACCEPTING"));

        assertThat(api().post("/api/referrals/" + id + "/accept", TestTokens.greenDoctors(), "", Map.of()).status())
                .as("no If-Match").isEqualTo(428);
        assertThat(api().post("/api/referrals/" + id + "/accept", TestTokens.citizensAdvice(), "", ifMatch(1)).status())
                .as("another organisation's provider").isEqualTo(404);
        assertThat(api().post("/api/referrals/" + id + "/accept", TestTokens.referrer(), "", ifMatch(1)).status())
                .as("the referrer").isEqualTo(403);

        Api.Response accepted = api().post("/api/referrals/" + id + "/accept", TestTokens.greenDoctors(), "", ifMatch(1));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.header("ETag")).isEqualTo("\"2\"");
        assertThat(api().post("/api/referrals/" + id + "/accept", TestTokens.greenDoctors(), "", ifMatch(1)).status())
                .as("a second accept with the old ETag").isEqualTo(412);
        assertThat(api().post("/api/referrals/" + id + "/accept", TestTokens.greenDoctors(), "", ifMatch(2)).status())
                .as("accepting an accepted referral").isEqualTo(409);

        assertThat(api().get("/api/referrals/" + id, TestTokens.referrer()).body().get("status").asString()).isEqualTo("ACCEPTED");
        var history = api().get("/api/referrals/" + id + "/history", TestTokens.referrer()).body();
        assertThat(history.valueStream().map(h -> h.get("to").asString()).toList()).containsExactly("SUBMITTED", "ACCEPTED");
        assertThat(history.get(1).get("userId").asString()).isEqualTo("gemma.greendoctors");
        CloudEvent acceptedEvent = KafkaMessageFactory.createReader(eventFor(id, "org.bridgeway.referral.accepted.v1")).toEvent();
        assertThat(Contracts.violations("org.bridgeway.referral.event.v1", acceptedEvent.getData().toBytes())).isEmpty();
    }

    @Test
    void theDirectorysPublishedExampleSnapshotIsReadIntoTheReplica() throws Exception {
        byte[] example = Contracts.example("org.bridgeway.directory.service.snapshot.v1");
        String serviceId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(example).get("id").asString();
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType("org.bridgeway.directory.service.snapshot.v1").withSource(URI.create("/bridgeway/directory-service"))
                .withData("application/json", example).build();
        kafka.send(KafkaMessageFactory.<String>createWriter("directory.services.v1", serviceId).writeBinary(event)).join();

        await().atMost(Duration.ofSeconds(20)).until(() -> replica.find(serviceId).isPresent());
        assertThat(replica.find(serviceId).get().name()).isNotBlank();
    }

    @Test
    void onlyThePeopleOnAReferralSeeItsResidentAndEveryReadIsAudited() {
        String id = submitted(listing(1, "ACCEPTING"));
        String colleague = TestTokens.token("kim.linkworker", "REFERRER", TestTokens.MEDWAY_SPS, TestTokens.AUDIENCE);
        String elsewhere = TestTokens.token("lee.navigator", "REFERRER", TestTokens.CITIZENS_ADVICE, TestTokens.AUDIENCE);
        String admin = TestTokens.token("adam.admin", "ADMIN", null, TestTokens.AUDIENCE);

        assertThat(api().get("/api/referrals/" + id, TestTokens.greenDoctors()).body().get("resident").get("name").asString()).isEqualTo("Jo Bloggs");
        assertThat(api().get("/api/referrals/" + id, colleague).status()).as("a referrer of the same organisation").isEqualTo(200);
        assertThat(api().get("/api/referrals/" + id, elsewhere).status()).isEqualTo(404);
        assertThat(api().get("/api/referrals/" + id, TestTokens.citizensAdvice()).status()).isEqualTo(404);
        assertThat(api().get("/api/referrals/" + id, TestTokens.manager()).status()).isEqualTo(404);
        Api.Response forAdmin = api().get("/api/referrals/" + id, admin);
        assertThat(forAdmin.status()).isEqualTo(200);
        assertThat(forAdmin.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(forAdmin.body().has("resident")).isFalse();
        assertThat(forAdmin.body().has("reason")).isFalse();
        assertThat(api().get("/api/referrals?view=inbox", TestTokens.manager()).status()).isEqualTo(403);
        assertThat(api().get("/api/referrals?view=inbox", TestTokens.referrer()).status()).isEqualTo(403);
        assertThat(api().post("/api/referrals", TestTokens.greenDoctors(), submission("any"), Map.of()).status()).isEqualTo(403);

        assertThat(step(id, "accept", TestTokens.greenDoctors(), 1, "").status()).isEqualTo(200);
        Api.Response audit = api().get("/api/referrals/audit?referralId=" + id, admin);
        assertThat(audit.status()).isEqualTo(200);
        List<String> trail = audit.body().get("items").valueStream()
                .map(entry -> entry.get("userId").asString() + " " + entry.get("action").asString()).toList();
        assertThat(trail).as("newest first: who did what, and who read the resident's details").containsExactly(
                "gemma.greendoctors ACCEPTED", "kim.linkworker VIEWED", "gemma.greendoctors VIEWED", "sam.prescriber SUBMITTED");
        assertThat(audit.body().get("page").get("totalItems").asInt()).isEqualTo(4);
        assertThat(audit.body().toString()).doesNotContain("Jo Bloggs");
        assertThat(api().get("/api/referrals/audit?userId=kim.linkworker&size=1", admin).body().get("items").get(0).get("referralId").asString())
                .isEqualTo(id);
        assertThat(api().get("/api/referrals/audit?referralId=%7B%22%24ne%22%3A1%7D", admin).status()).as("a filter that is not an id").isEqualTo(400);
    }

    @Test
    void residentDetailsAndFreeTextAreStoredEncrypted() {
        String id = submitted(listing(1, "ACCEPTING"));
        api().post("/api/referrals/" + id + "/decline", TestTokens.greenDoctors(),
                "{\"reason\":\"OUT_OF_AREA\",\"note\":\"Jo lives outside our area\"}", ifMatch(1));

        org.bson.Document stored = mongo.getCollection("referrals").find(new org.bson.Document("_id", id)).first();

        assertThat(stored.toJson()).doesNotContain("Jo Bloggs", "1988-04-02", "ME7 1AA", "07700", "Energy bill", "outside our area");
        assertThat(stored.getString("resident")).startsWith("test:");
        assertThat(api().get("/api/referrals/" + id + "/history", TestTokens.referrer()).body().get(1).get("note").asString())
                .isEqualTo("Jo lives outside our area");
    }

    @Test
    void tokensThatAreMissingForgedOrForAnotherAudienceAreRefused() {
        assertThat(api().get("/api/referrals", null).status()).isEqualTo(401);
        assertThat(api().get("/api/referrals", "not.a.token").status()).isEqualTo(401);
        Api.Response otherAudience = api().get("/api/referrals", TestTokens.token("sam.prescriber", "REFERRER", null, "another-api"));
        assertThat(otherAudience.status()).isEqualTo(401);
        assertThat(otherAudience.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String serviceId = listing(1, "ACCEPTING");
        long before = api().get("/api/referrals?view=sent", TestTokens.referrer()).body().get("page").get("totalItems").asLong();

        Api.Response noConsent = api().post("/api/referrals", TestTokens.referrer(),
                submission(serviceId).replace("\"given\":true", "\"given\":false"), Map.of());
        Api.Response badUrgency = api().post("/api/referrals", TestTokens.referrer(),
                submission(serviceId).replace("ROUTINE", "SOON"), Map.of());
        Api.Response unknownService = api().post("/api/referrals", TestTokens.referrer(), submission(UUID.randomUUID().toString()), Map.of());
        Api.Response wrongCategory = api().post("/api/referrals", TestTokens.referrer(),
                submission(serviceId).replace("\"fuel\"", "\"housing\""), Map.of());

        assertThat(fields(noConsent)).containsExactly("consent.given");
        assertThat(fields(badUrgency)).containsExactly("urgency");
        assertThat(fields(unknownService)).containsExactly("serviceId");
        assertThat(fields(wrongCategory)).containsExactly("category");
        assertThat(noConsent.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api().get("/api/referrals?view=sent", TestTokens.referrer()).body().get("page").get("totalItems").asLong()).isEqualTo(before);
    }

    @Test
    void withoutConsentAnotherLawfulBasisIsRecordedWithItsReasonAndTheHouseholdContextIsKept() {
        String serviceId = listing(1, "ACCEPTING");
        String withoutConsent = submission(serviceId).replace(
                "\"consent\":{\"given\":true,\"method\":\"VERBAL\",\"recordedAt\":\"2026-11-22T10:00:00Z\"}",
                "\"lawfulBasis\":{\"basis\":\"VITAL_INTERESTS\",\"recordedAt\":\"2026-11-22T10:00:00Z\",\"explanation\":\"No heating, infant at home\"}")
                .replace("\"resident\":{", "\"householdContext\":\"2 adults, 3 children, one disabled\",\"safeguardingConcern\":true,\"resident\":{\"accessibilityNeeds\":\"Wheelchair user\",");

        Api.Response created = api().post("/api/referrals", TestTokens.referrer(), withoutConsent, Map.of());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        var full = api().get("/api/referrals/" + created.body().get("id").asString(), TestTokens.greenDoctors()).body();
        assertThat(full.get("consent").get("basis").asString()).isEqualTo("VITAL_INTERESTS");
        assertThat(full.get("consent").get("explanation").asString()).isEqualTo("No heating, infant at home");
        assertThat(full.get("householdContext").asString()).isEqualTo("2 adults, 3 children, one disabled");
        assertThat(full.get("safeguardingConcern").asBoolean()).isTrue();
        assertThat(full.get("resident").get("accessibilityNeeds").asString()).isEqualTo("Wheelchair user");
        assertThat(mongo.getCollection("referrals").find(new org.bson.Document("_id", created.body().get("id").asString())).first().toJson())
                .doesNotContain("infant", "3 children", "Wheelchair");

        String neither = submission(serviceId).replace(
                "\"consent\":{\"given\":true,\"method\":\"VERBAL\",\"recordedAt\":\"2026-11-22T10:00:00Z\"},", "");
        assertThat(fields(api().post("/api/referrals", TestTokens.referrer(), neither, Map.of()))).containsExactly("consent");
    }

    @Test
    void aPausedServiceTakesNoReferralsAndAnOlderSnapshotNeverUndoesANewerOne() {
        String serviceId = UUID.randomUUID().toString();
        publishSnapshot(serviceId, 2, "PAUSED");
        publishSnapshot(serviceId, 1, "ACCEPTING"); // late, stale delivery
        publishSnapshot(serviceId, 2, "PAUSED");    // duplicate delivery
        String marker = listing(1, "ACCEPTING");      // the partition has been read past the stale one

        assertThat(replica.find(serviceId)).get().extracting(r -> r.capacity()).isEqualTo("PAUSED");
        Api.Response refused = api().post("/api/referrals", TestTokens.referrer(), submission(serviceId), Map.of());
        assertThat(fields(refused)).containsExactly("serviceId");
        assertThat(marker).isNotBlank();
    }

    @Test
    void aMessageOfAnUnknownTypeIsParkedCountedAndTheNextOneIsStillRead() {
        String key = UUID.randomUUID().toString();
        double parkedBefore = parked();
        CloudEvent unknown = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType("org.bridgeway.directory.service.snapshot.v9")
                .withSource(URI.create("/test")).withData("application/json", "{}".getBytes()).build();
        kafka.send(KafkaMessageFactory.<String>createWriter("directory.services.v1", key).writeBinary(unknown));

        listing(1, "ACCEPTING");
        assertThat(records("directory.services.v1.referral-service.dlt", r -> key.equals(r.key()))).isNotEmpty();
        assertThat(parked()).isGreaterThan(parkedBefore);
    }

    private double parked() {
        var counter = meters.find("bridgeway.dead.letters").tag("topic", "directory.services.v1").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anEventLeftUnpublishedByACrashIsPublishedByTheSweep() {
        Referral referral = storedWithoutTellingTheRelay(Instant.now()); // as if the process died right after the write

        eventFor(referral.id(), "org.bridgeway.referral.submitted.v1");
    }

    @Test
    void theReceivingOrganisationWorksAReferralToAnOutcomeAndTheReferrerSeesEveryStep() {
        String id = submitted(listing(1, "ACCEPTING"));
        String gemma = TestTokens.greenDoctors();

        assertThat(step(id, "accept", gemma, 1, "").status()).isEqualTo(200);
        assertThat(step(id, "start", gemma, 2, "{\"note\":\"Called the family\"}").status()).isEqualTo(200);
        assertThat(step(id, "hold", gemma, 3, "{\"note\":\"No answer\"}").status()).isEqualTo(200);
        assertThat(step(id, "resume", gemma, 4, "").status()).isEqualTo(200);
        Api.Response noOutcome = step(id, "complete", gemma, 5, "{}");
        assertThat(fields(noOutcome)).containsExactly("outcome");
        assertThat(noOutcome.body().get("errors").get(0).get("message").asString()).contains("SUPPORT_PROVIDED", "REFERRED_ELSEWHERE");
        Api.Response completed = step(id, "complete", gemma, 5, "{\"outcome\":\"SUPPORT_PROVIDED\",\"note\":\"Payment plan agreed\"}");
        assertThat(completed.body().get("status").asString()).isEqualTo("COMPLETED");

        var history = api().get("/api/referrals/" + id + "/history", TestTokens.referrer()).body();
        assertThat(history.valueStream().map(h -> h.get("change").asString()).toList())
                .containsExactly("SUBMITTED", "ACCEPTED", "STARTED", "PUT_ON_HOLD", "RESUMED", "COMPLETED");
        assertThat(history.get(5).get("outcome").asString()).isEqualTo("SUPPORT_PROVIDED");
        CloudEvent event = KafkaMessageFactory.createReader(eventFor(id, "org.bridgeway.referral.completed.v1")).toEvent();
        assertThat(Contracts.violations("org.bridgeway.referral.event.v1", event.getData().toBytes())).isEmpty();
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"outcome\":\"SUPPORT_PROVIDED\"")
                .doesNotContain("Payment plan");
    }

    @Test
    void aDeclineNeedsAReasonFromTheListAndOnlyTheReferrerCancels() {
        String declined = submitted(listing(1, "ACCEPTING"));
        assertThat(fields(step(declined, "decline", TestTokens.greenDoctors(), 1, "{}"))).containsExactly("reason");
        assertThat(fields(step(declined, "decline", TestTokens.greenDoctors(), 1, "{\"reason\":\"BUSY\"}"))).containsExactly("reason");
        Api.Response ok = step(declined, "decline", TestTokens.greenDoctors(), 1, "{\"reason\":\"OUT_OF_AREA\",\"note\":\"Kent only\"}");
        assertThat(ok.body().get("status").asString()).isEqualTo("DECLINED");
        assertThat(step(declined, "start", TestTokens.greenDoctors(), 2, "").status()).as("start a declined referral").isEqualTo(409);

        String cancelled = submitted(listing(1, "ACCEPTING"));
        assertThat(step(cancelled, "cancel", TestTokens.greenDoctors(), 1, "{\"reason\":\"OTHER\"}").status()).isEqualTo(403);
        assertThat(step(cancelled, "cancel", TestTokens.referrer(), 1, "{\"reason\":\"NO_LONGER_NEEDED\"}").body().get("status").asString())
                .isEqualTo("CANCELLED");
        eventFor(cancelled, "org.bridgeway.referral.cancelled.v1");
    }

    @Test
    void anUnansweredReferralIsMarkedOverdueOnceAndThenExpires() {
        Referral old = storedWithoutTellingTheRelay(Instant.now().minus(Duration.ofDays(20)));

        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(
                api().get("/api/referrals/" + old.id(), TestTokens.referrer()).body().get("status").asString()));
        eventFor(old.id(), "org.bridgeway.referral.overdue.v1");
        eventFor(old.id(), "org.bridgeway.referral.expired.v1");
    }

    /** A referral written straight to the store: only the relay's sweep can find its events. */
    Referral storedWithoutTellingTheRelay(Instant submittedAt) {
        var resident = new Resident("Jo Bloggs", LocalDate.of(1988, 4, 2), "ME7 1AA", null, null, Resident.ContactPreference.PHONE, "en", false, null);
        var submission = new Referral.Submission("svc", "Green Doctors Energy Advice", TestTokens.GREEN_DOCTORS, "fuel", Urgency.ROUTINE,
                "reason", Consent.given(Consent.Method.VERBAL, submittedAt, "sam.prescriber"), resident, null, "gillingham", Coverage.WITHIN, null, false);
        Referral referral = Referral.submit(UUID.randomUUID().toString(), "BW-" + UUID.randomUUID().toString().substring(0, 5).toUpperCase(),
                submission, new Actor("sam.prescriber", Actor.Role.REFERRER, TestTokens.MEDWAY_SPS), null, responseTimes, submittedAt);
        mongo.insert(referral, "referrals");
        return referral;
    }

    @Test
    void theTwoSidesTalkOnTheThreadAndTheMessageNeverReachesKafka() {
        String id = submitted(listing(1, "ACCEPTING"));

        Api.Response posted = api().post("/api/referrals/" + id + "/messages", TestTokens.greenDoctors(),
                "{\"text\":\"Is Jo at home on Tuesdays?\"}", Map.of());
        assertThat(posted.status()).isEqualTo(201);
        assertThat(api().post("/api/referrals/" + id + "/messages", TestTokens.referrer(), "{\"text\":\"Yes, after 10am\"}", Map.of()).status())
                .isEqualTo(201);
        assertThat(api().post("/api/referrals/" + id + "/messages", TestTokens.citizensAdvice(), "{\"text\":\"hi\"}", Map.of()).status())
                .isEqualTo(404);
        assertThat(fields(api().post("/api/referrals/" + id + "/messages", TestTokens.referrer(), "{\"text\":\"\"}", Map.of())))
                .containsExactly("text");

        var thread = api().get("/api/referrals/" + id + "/messages", TestTokens.referrer()).body();
        assertThat(thread.valueStream().map(m -> m.get("text").asString()).toList()).containsExactly("Is Jo at home on Tuesdays?", "Yes, after 10am");
        assertThat(api().get("/api/referrals/" + id + "/messages", TestTokens.manager()).status()).isEqualTo(403);
        List<ConsumerRecord<String, byte[]>> events = records("referral.events.v1", r -> id.equals(r.key())
                && new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8).endsWith("message-posted.v1"));
        assertThat(events).isNotEmpty();
        events.forEach(e -> {
            assertThat(new String(e.value(), StandardCharsets.UTF_8)).doesNotContain("Tuesdays", "10am");
            assertThat(Contracts.violations("org.bridgeway.referral.event.v1", e.value())).isEmpty();
        });
        assertThat(mongo.getCollection("referrals").find(new org.bson.Document("_id", id)).first().toJson()).doesNotContain("Tuesdays");
    }

    @Test
    void theProviderRefersTheResidentOnwardAndBothReferralsAreLinked() {
        String parent = submitted(listing(1, "ACCEPTING"));
        step(parent, "accept", TestTokens.greenDoctors(), 1, "");
        String council = listing(1, "ACCEPTING", TestTokens.CITIZENS_ADVICE, "benefits");

        String body = """
                {"serviceId":"%s","category":"benefits","urgency":"ROUTINE","reason":"Benefits check and a budget plan",
                 "consent":{"given":true,"method":"VERBAL","recordedAt":"2026-11-22T11:00:00Z"}}
                """.formatted(council);
        Api.Response onward = api().post("/api/referrals/" + parent + "/onward", TestTokens.greenDoctors(), body, Map.of());

        assertThat(onward.status()).isEqualTo(201);
        String child = onward.body().get("id").asString();
        assertThat(onward.body().get("parentReferralId").asString()).isEqualTo(parent);
        var forCitizensAdvice = api().get("/api/referrals/" + child, TestTokens.citizensAdvice()).body();
        assertThat(forCitizensAdvice.get("resident").get("name").asString()).as("the story told once").isEqualTo("Jo Bloggs");
        assertThat(api().get("/api/referrals/" + parent, TestTokens.referrer()).body().get("onwardReferrals").get(0).get("id").asString())
                .isEqualTo(child);
        assertThat(api().post("/api/referrals/" + parent + "/onward", TestTokens.citizensAdvice(), body, Map.of()).status())
                .as("an organisation not on the referral").isEqualTo(404);
        assertThat(fields(api().post("/api/referrals/" + parent + "/onward", TestTokens.greenDoctors(), "{}", Map.of())))
                .contains("serviceId", "consent");
        String samsOwn = api().post("/api/referrals/" + parent + "/onward", TestTokens.referrer(), body, Map.of()).body().get("id").asString();
        var seenByGreenDoctors = api().get("/api/referrals/" + parent, TestTokens.greenDoctors()).body().get("onwardReferrals");
        assertThat(seenByGreenDoctors.valueStream().map(r -> r.get("id").asString()).toList())
                .as("only the onward referrals Green Doctors is party to").containsExactly(child).doesNotContain(samsOwn);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String once = api().post("/api/referrals/" + parent + "/onward", TestTokens.greenDoctors(), body, key).body().get("id").asString();
        Api.Response retried = api().post("/api/referrals/" + parent + "/onward", TestTokens.greenDoctors(), body, key);
        assertThat(retried.body().get("id").asString()).as("a retried onward referral").isEqualTo(once);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api().post("/api/referrals/" + parent + "/onward", TestTokens.greenDoctors(), body.replace("budget plan", "budget"), key).status())
                .as("the same key with another onward referral").isEqualTo(422);
        CloudEvent submitted = KafkaMessageFactory.createReader(eventFor(child, "org.bridgeway.referral.submitted.v1")).toEvent();
        assertThat(new String(submitted.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"parentReferralId\":\"" + parent + "\"",
                "\"residentArea\":\"gillingham\"");
    }

    @Test
    void aReferrerFindsTheResidentsEarlierReferralsFromTheirOwnOrganisationAndFiltersTheList() {
        String serviceId = listing(1, "ACCEPTING");
        String name = "Kay " + UUID.randomUUID().toString().substring(0, 6);
        String first = submitted(serviceId, name, "ROUTINE");
        String second = submitted(serviceId, name, "URGENT");
        String otherOrganisation = TestTokens.token("lee.navigator", "REFERRER", TestTokens.CITIZENS_ADVICE, TestTokens.AUDIENCE);
        String check = "{\"name\":\"  " + name.toUpperCase() + " \",\"dateOfBirth\":\"1993-05-17\"}";

        var found = api().post("/api/referrals/same-person-check", TestTokens.referrer(), check, Map.of()).body();
        assertThat(found.valueStream().map(r -> r.get("id").asString()).toList()).containsExactlyInAnyOrder(first, second);
        assertThat(api().post("/api/referrals/same-person-check", otherOrganisation, check, Map.of()).body()).isEmpty();

        String reference = api().get("/api/referrals/" + second, TestTokens.referrer()).body().get("reference").asString();
        var byReference = api().get("/api/referrals?view=sent&reference=" + reference, TestTokens.referrer()).body().get("items");
        assertThat(byReference.valueStream().map(r -> r.get("id").asString()).toList()).containsExactly(second);
        var urgentInInbox = api().get("/api/referrals?view=inbox&urgency=URGENT&category=fuel&overdue=false&size=100", TestTokens.greenDoctors())
                .body().get("items").valueStream().map(r -> r.get("id").asString()).toList();
        assertThat(urgentInInbox).contains(second).doesNotContain(first);
        assertThat(fields(api().get("/api/referrals?view=sent&submittedFrom=2026-12-01&submittedTo=2026-11-01", TestTokens.referrer())))
                .containsExactly("submittedFrom");
        assertThat(fields(api().get("/api/referrals?view=sent&urgency=SOON", TestTokens.referrer()))).containsExactly("urgency");
        assertThat(fields(api().get("/api/referrals?view=sent&size=1000", TestTokens.referrer()))).containsExactly("size");
        assertThat(api().post("/api/referrals", TestTokens.referrer(), submission(serviceId), Map.of("Idempotency-Key", "abc")).status())
                .as("a too short Idempotency-Key").isEqualTo(400);
    }

    String submitted(String serviceId, String residentName, String urgency) {
        String body = submission(serviceId).replace("Jo Bloggs", residentName).replace("1988-04-02", "1993-05-17")
                .replace("ROUTINE", urgency);
        Api.Response created = api().post("/api/referrals", TestTokens.referrer(), body, Map.of());
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    @Test
    void aClosedReferralPastTheRetentionPeriodIsAnonymisedInTheStore() {
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        var resident = new Resident("Ola Nowak", LocalDate.of(1971, 1, 9), "ME4 4QR", "07700 900999", null,
                Resident.ContactPreference.PHONE, "pl", true, null);
        var submission = new Referral.Submission("svc", "Green Doctors Energy Advice", TestTokens.GREEN_DOCTORS, "fuel", Urgency.ROUTINE,
                "Cold flat", Consent.given(Consent.Method.VERBAL, threeDaysAgo, "sam.prescriber"), resident, "key", "gillingham", Coverage.WITHIN, "Lives alone", false);
        Referral old = Referral.submit(UUID.randomUUID().toString(), "BW-" + UUID.randomUUID().toString().substring(0, 5).toUpperCase(),
                submission, new Actor("sam.prescriber", Actor.Role.REFERRER, TestTokens.MEDWAY_SPS), null, responseTimes, threeDaysAgo);
        old.decline(new Actor("gemma.greendoctors", Actor.Role.PROVIDER, TestTokens.GREEN_DOCTORS), DeclineReason.NO_CAPACITY,
                "Ola could not be reached", threeDaysAgo);
        mongo.insert(old, "referrals");

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("referrals")
                .find(new org.bson.Document("_id", old.id())).first().containsKey("anonymisedAt"));
        org.bson.Document stored = mongo.getCollection("referrals").find(new org.bson.Document("_id", old.id())).first();
        assertThat(stored.keySet()).doesNotContain("resident", "reason", "householdContext", "residentKey");
        assertThat(stored.getString("status")).isEqualTo("DECLINED");
        assertThat(api().get("/api/referrals/" + old.id(), TestTokens.referrer()).body().get("resident").isNull()).isTrue();
    }

    /** One endpoint: how to bring a fresh referral to the state it needs, and how to call it. */
    record Endpoint(String method, String pattern, int stepsBefore, java.util.function.BiFunction<String, String, Api.Response> call) {
    }

    /**
     * Every endpoint called as every kind of caller. A new endpoint without a row here fails
     * the build, so no endpoint ships without an authorisation rule.
     */
    @Test
    void authorisationMatrix() {
        String council = listing(1, "ACCEPTING", TestTokens.CITIZENS_ADVICE, "benefits");
        String onwardBody = """
                {"serviceId":"%s","category":"benefits","urgency":"ROUTINE","reason":"Benefits check",
                 "consent":{"given":true,"method":"VERBAL","recordedAt":"2026-11-22T11:00:00Z"}}""".formatted(council);
        String serviceId = listing(1, "ACCEPTING");
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        callers.put("referrer", TestTokens.referrer());
        callers.put("referrer elsewhere", TestTokens.token("lee.navigator", "REFERRER", UUID.randomUUID().toString(), TestTokens.AUDIENCE));
        callers.put("receiving provider", TestTokens.greenDoctors());
        callers.put("other provider", TestTokens.citizensAdvice());
        callers.put("manager", TestTokens.manager());
        callers.put("admin", TestTokens.token("adam.admin", "ADMIN", null, TestTokens.AUDIENCE));
        callers.put("no token", null);
        List<String> actions = List.of("accept", "start", "hold", "resume"); // the happy path, in order
        Map<Endpoint, int[]> matrix = new java.util.LinkedHashMap<>();
        //                                                                          referrer elsewhere recv  other mgr admin none
        matrix.put(new Endpoint("POST", "/api/referrals", 0, (t, id) -> api().post("/api/referrals", t, submission(serviceId), Map.of())),
                new int[] {201, 201, 403, 403, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/same-person-check", 0, (t, id) -> api().post("/api/referrals/same-person-check", t,
                "{\"name\":\"Jo Bloggs\",\"dateOfBirth\":\"1988-04-02\"}", Map.of())), new int[] {200, 200, 403, 403, 403, 403, 401});
        matrix.put(new Endpoint("GET", "/api/referrals", 0, (t, id) -> api().get("/api/referrals?view=sent", t)),
                new int[] {200, 200, 403, 403, 403, 403, 401});
        matrix.put(new Endpoint("GET", "/api/referrals/{id}", 0, (t, id) -> api().get("/api/referrals/" + id, t)),
                new int[] {200, 404, 200, 404, 404, 200, 401});
        matrix.put(new Endpoint("GET", "/api/referrals/{id}/history", 0, (t, id) -> api().get("/api/referrals/" + id + "/history", t)),
                new int[] {200, 404, 200, 404, 404, 404, 401});
        matrix.put(new Endpoint("GET", "/api/referrals/{id}/messages", 0, (t, id) -> api().get("/api/referrals/" + id + "/messages", t)),
                new int[] {200, 404, 200, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/messages", 0, (t, id) -> api().post("/api/referrals/" + id + "/messages", t,
                "{\"text\":\"hello\"}", Map.of())), new int[] {201, 404, 201, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/onward", 0, (t, id) -> api().post("/api/referrals/" + id + "/onward", t,
                onwardBody, Map.of())), new int[] {201, 404, 201, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/accept", 0, (t, id) -> step(id, "accept", t, 1, "")),
                new int[] {403, 403, 200, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/decline", 0, (t, id) -> step(id, "decline", t, 1, "{\"reason\":\"NO_CAPACITY\"}")),
                new int[] {403, 403, 200, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/start", 1, (t, id) -> step(id, "start", t, 2, "")),
                new int[] {403, 403, 200, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/hold", 2, (t, id) -> step(id, "hold", t, 3, "")),
                new int[] {403, 403, 200, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/resume", 3, (t, id) -> step(id, "resume", t, 4, "")),
                new int[] {403, 403, 200, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/complete", 1, (t, id) -> step(id, "complete", t, 2, "{\"outcome\":\"SUPPORT_PROVIDED\"}")),
                new int[] {403, 403, 200, 404, 403, 403, 401});
        matrix.put(new Endpoint("POST", "/api/referrals/{id}/cancel", 0, (t, id) -> step(id, "cancel", t, 1, "{\"reason\":\"NO_LONGER_NEEDED\"}")),
                new int[] {200, 404, 403, 404, 403, 403, 401});

        matrix.put(new Endpoint("GET", "/api/referrals/audit", 0, (t, id) -> api().get("/api/referrals/audit?referralId=" + id, t)),
                new int[] {403, 403, 403, 403, 403, 200, 401});

        for (String report : List.of("/api/reports/outcome-categories", "/api/reports/outcome-categories/trend", "/api/reports/funnel",
                "/api/reports/responsiveness", "/api/reports/gaps")) {
            matrix.put(new Endpoint("GET", report, 0, (t, id) -> api().get(report, t)), new int[] {403, 403, 403, 403, 200, 200, 401});
        }

        List<String> wrong = new ArrayList<>();
        matrix.forEach((endpoint, expected) -> {
            int column = 0;
            for (var caller : callers.entrySet()) {
                String id = submitted(serviceId);
                for (int i = 0; i < endpoint.stepsBefore(); i++) {
                    assertThat(step(id, actions.get(i), TestTokens.greenDoctors(), i + 1, "").status()).isEqualTo(200);
                }
                int status = endpoint.call().apply(caller.getValue(), id).status();
                if (status != expected[column]) {
                    wrong.add(endpoint.method() + " " + endpoint.pattern() + " as " + caller.getKey() + ": " + status + ", expected " + expected[column]);
                }
                column++;
            }
        });
        assertThat(wrong).isEmpty();

        var mapped = handlerMappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
                        .map(method -> method.name() + " " + pattern)))
                .filter(endpoint -> endpoint.contains(" /api/")).collect(java.util.stream.Collectors.toSet());
        assertThat(matrix.keySet().stream().map(e -> e.method() + " " + e.pattern()).toList())
                .as("every endpoint has a row in the authorisation matrix").containsExactlyInAnyOrderElementsOf(mapped);
    }

    /** Each service checks tokens itself, so called without the gateway it refuses what the gateway would. */
    @Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder tokenDecoder;

    @Test
    void aForgedExpiredOrMisdirectedTokenIsRefusedWithAProblem() {
        assertThat(tokenDecoder).as("Boot's decoder, behind the tokens it verified before").isInstanceOf(org.bridgeway.security.VerifiedTokens.class);
        String path = "/api/referrals?view=sent";
        assertThat(api().get(path, TestTokens.referrer()).status()).as("the valid token the others are made from").isEqualTo(200);
        Map<String, String> tokens = new java.util.LinkedHashMap<>(TestTokens.abusive());
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

    @Test
    void reportsCountOutcomesFromTheEventsAndHideSmallNumbers() {
        String organisation = UUID.randomUUID().toString();
        String provider = TestTokens.token("pat.provider", "PROVIDER", organisation, TestTokens.AUDIENCE);
        Map<String, Integer> wanted = Map.of("fuel", 7, "debt", 6, "benefits", 2);
        Map<String, List<String>> ids = new java.util.HashMap<>();
        wanted.forEach((category, count) -> {
            String serviceId = listing(1, "ACCEPTING", organisation, category);
            for (int i = 0; i < count; i++) {
                Api.Response created = api().post("/api/referrals", TestTokens.referrer(),
                        submission(serviceId).replace("\"fuel\"", "\"" + category + "\""), Map.of());
                assertThat(created.status()).isEqualTo(201);
                ids.computeIfAbsent(category, c -> new ArrayList<>()).add(created.body().get("id").asString());
            }
        });
        for (String id : ids.get("fuel").subList(0, 5)) {
            assertThat(step(id, "accept", provider, 1, "").status()).isEqualTo(200);
        }
        assertThat(step(ids.get("fuel").get(5), "decline", provider, 1, "{\"reason\":\"NO_CAPACITY\"}").status()).isEqualTo(200);

        String mine = "?organisation=" + organisation;
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response funnel = api().get("/api/reports/funnel" + mine, TestTokens.manager());
            return funnel.status() == 200 && funnel.body().get("total").get("declined").asString().equals("<5")
                    && funnel.body().get("total").get("accepted").asInt() == 5;
        });
        JsonNode categories = api().get("/api/reports/outcome-categories" + mine, TestTokens.manager()).body();
        assertThat(categories.get("total").asInt()).isEqualTo(15);
        Map<String, JsonNode> rows = new java.util.HashMap<>();
        categories.get("rows").valueStream().forEach(row -> rows.put(row.get("category").asString(), row));
        assertThat(rows.get("fuel").get("count").asInt()).isEqualTo(7);
        assertThat(rows.get("fuel").get("label").asString()).isEqualTo("Fuel Advice & Support");
        assertThat(rows.get("fuel").get("percentage").asDouble()).isEqualTo(46.7);
        assertThat(rows.get("benefits").get("count").asString()).as("1 to 4 is hidden").isEqualTo("<5");
        assertThat(rows.get("debt").get("count").asString()).as("else benefits = 15 - 7 - 6").isEqualTo("*");
        assertThat(rows.get("debt").get("percentage").isNull()).isTrue();

        JsonNode fuel = api().get("/api/reports/funnel" + mine + "&groupBy=category", TestTokens.manager()).body().get("rows")
                .valueStream().filter(row -> row.get("group").asString().equals("fuel")).findFirst().orElseThrow();
        assertThat(fuel.get("submitted").asInt()).isEqualTo(7);
        assertThat(fuel.get("accepted").asInt()).isEqualTo(5);
        assertThat(fuel.get("acceptanceRate").isNull()).as("5 of 7 would tell that 2 were not accepted").isTrue();
        assertThat(fuel.get("declinedByReason").get("NO_CAPACITY").asString()).as("hidden with the declined count").isEqualTo("<5");
        assertThat(fuel.get("firstResponseMedianHours").asInt()).isEqualTo(1);

        Api.Response csv = api().get("/api/reports/outcome-categories" + mine + "&format=csv", TestTokens.manager());
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text()).contains("# organisation: " + organisation, "# from: ", "fuel,Fuel Advice & Support,7,46.7", "benefits,Benefits Advice,<5,")
                .doesNotContain("Jo Bloggs", "ME7");

        // The directory hears how the organisation answers: 5 of 15 accepted, replies within a day.
        await().atMost(Duration.ofSeconds(30)).until(() -> !records("referral.responsiveness.v1", r -> ("organisation:" + organisation).equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains("\"acceptedPercent\":33.3")).isEmpty());
        String figures = new String(records("referral.responsiveness.v1", r -> ("organisation:" + organisation).equals(r.key())).getLast().value(),
                StandardCharsets.UTF_8);
        assertThat(figures).contains("\"referrals\":15", "\"usuallyRepliesWithinDays\":1").doesNotContain("Jo Bloggs");
        assertThat(Contracts.violations("org.bridgeway.referral.responsiveness.v1", figures.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void reportsRefuseFiltersTheyCannotHonour() {
        assertThat(fields(api().get("/api/reports/outcome-categories?from=2026-06-01&to=2026-05-01", TestTokens.manager()))).containsExactly("to");
        assertThat(fields(api().get("/api/reports/outcome-categories?from=last%20week", TestTokens.manager()))).containsExactly("from");
        assertThat(fields(api().get("/api/reports/funnel?area=atlantis", TestTokens.manager()))).containsExactly("area");
        assertThat(fields(api().get("/api/reports/funnel?groupBy=colour", TestTokens.manager()))).containsExactly("groupBy");
        assertThat(fields(api().get("/api/reports/gaps?category=spaceflight", TestTokens.manager()))).containsExactly("category");
        assertThat(fields(api().get("/api/reports/funnel?organisation=" + UUID.randomUUID(), TestTokens.manager()))).containsExactly("organisation");
        assertThat(fields(api().get("/api/reports/responsiveness?urgency=SOON", TestTokens.manager()))).containsExactly("urgency");
        assertThat(fields(api().get("/api/reports/outcome-categories?format=pdf", TestTokens.manager()))).containsExactly("format");
    }

    Api.Response step(String id, String action, String token, long version, String body) {
        return api().post("/api/referrals/" + id + "/" + action, token, body, ifMatch(version));
    }

    // --- helpers

    String listing(long sequence, String capacity) {
        return listing(sequence, capacity, TestTokens.GREEN_DOCTORS, "fuel");
    }

    String listing(long sequence, String capacity, String organisationId, String category) {
        return listing(sequence, capacity, organisationId, category, "[]");
    }

    /** @param referrerRoles a JSON array of the referrer-role codes the listing takes referrals from */
    String listing(long sequence, String capacity, String organisationId, String category, String referrerRoles) {
        String serviceId = UUID.randomUUID().toString();
        publishSnapshot(serviceId, sequence, capacity, organisationId, category, referrerRoles);
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.find(serviceId).filter(r -> r.sequence() == sequence).isPresent());
        return serviceId;
    }

    void publishSnapshot(String serviceId, long sequence, String capacity) {
        publishSnapshot(serviceId, sequence, capacity, TestTokens.GREEN_DOCTORS, "fuel", "[]");
    }

    /** The fields of a directory snapshot the replica keeps; the listing covers Medway and Swale. */
    void publishSnapshot(String serviceId, long sequence, String capacity, String organisationId, String category,
                         String referrerRoles) {
        String data = """
                {"id":"%s","version":%d,"organisationId":"%s","name":"Green Doctors Energy Advice",
                 "categories":["%s"],"status":"ACTIVE","referral":{"pathway":"REFERRAL","referrerRoles":%s},
                 "capacity":{"status":"%s"},"coverage":{"wholeArea":false,"areas":["medway","swale"]},
                 "updatedAt":"2026-11-22T10:00:00Z"}
                """.formatted(serviceId, sequence, organisationId, category, referrerRoles, capacity);
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType("org.bridgeway.directory.service.snapshot.v1").withSource(URI.create("/bridgeway/directory-service"))
                .withTime(OffsetDateTime.now()).withData("application/json", data.getBytes(StandardCharsets.UTF_8)).build();
        kafka.send(KafkaMessageFactory.<String>createWriter("directory.services.v1", serviceId).writeBinary(event)).join();
    }

    String submitted(String serviceId) {
        Api.Response created = api().post("/api/referrals", TestTokens.referrer(), submission(serviceId), Map.of());
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    static String submission(String serviceId) {
        return """
                {"serviceId":"%s","category":"fuel","urgency":"ROUTINE","reason":"Energy bill rose from 90 to 210 pounds",
                 "consent":{"given":true,"method":"VERBAL","recordedAt":"2026-11-22T10:00:00Z"},
                 "resident":{"name":"Jo Bloggs","dateOfBirth":"1988-04-02","postcode":"ME7 1AA","phone":"07700 900123",
                             "contactPreference":"PHONE","preferredLanguage":"en","interpreterNeeded":false}}
                """.formatted(serviceId);
    }

    static Map<String, String> ifMatch(long version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    static List<String> fields(Api.Response response) {
        assertThat(response.status()).isEqualTo(400);
        return response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    ConsumerRecord<String, byte[]> eventFor(String referralId, String type) {
        List<ConsumerRecord<String, byte[]>> found = records("referral.events.v1", r -> referralId.equals(r.key())
                && type.equals(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)));
        assertThat(found).as(type + " for " + referralId).hasSize(1);
        return found.getFirst();
    }

    List<ConsumerRecord<String, byte[]>> records(String topic, java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (found.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (wanted.test(r)) {
                        found.add(r);
                    }
                });
            }
            // read on briefly so that a duplicate would be seen too
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (wanted.test(r)) {
                    found.add(r);
                }
            });
        }
        return found;
    }
}
