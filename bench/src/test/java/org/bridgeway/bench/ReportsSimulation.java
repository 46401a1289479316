package org.bridgeway.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Manager reports at scale. With {@code -Dgenerate=N} it first writes the events of N referrals
 * spread over the last three years straight onto referral.events.v1 (as referral-service would:
 * submitted, then accepted or declined, completed with an outcome, or expired or cancelled;
 * categories weighted as KCC's ReferKent figures) and waits until the reports count them all.
 * Then {@code users} managers (16) ask for reports for {@code duration} seconds (60): each
 * report with a random period and one random filter or grouping. Asserts each report's p95
 * under {@code p95ms} (200).
 *
 * <p>notification-service reads the generated events too (an in-app notice per new referral).
 */
public class ReportsSimulation extends Simulation {

    static final int GENERATE = Integer.getInteger("generate", 0);
    static final int USERS = Integer.getInteger("users", 16);
    static final int DURATION_SECONDS = Integer.getInteger("duration", 60);
    static final int P95_MS = Integer.getInteger("p95ms", 200);
    static final String KAFKA = System.getProperty("kafka", "localhost:9092");
    static final SkeletonFlowSimulation.Token MAYA = new SkeletonFlowSimulation.Token("maya.manager", "demo");

    /** ReferKent's published shares of referrals by category (KCC), then a tail of the other needs. */
    static final List<Map.Entry<String, Integer>> CATEGORIES = List.of(Map.entry("fuel", 41), Map.entry("housing", 11),
            Map.entry("benefits", 10), Map.entry("debt", 9), Map.entry("money-management", 8), Map.entry("mental-health", 8),
            Map.entry("food", 4), Map.entry("digital-inclusion", 2), Map.entry("social-connection", 2), Map.entry("carers", 1),
            Map.entry("employment-skills", 1), Map.entry("family-support", 1), Map.entry("domestic-abuse", 1));
    static final List<String> AREAS = List.of("chatham", "gillingham", "rochester", "strood", "rainham", "hoo-peninsula",
            "lordswood-and-walderslade", "twydall", "cuxton-and-halling", "ashford", "canterbury", "dartford", "dover",
            "folkestone-and-hythe", "gravesham", "maidstone", "sevenoaks", "swale", "thanet", "tonbridge-and-malling", "tunbridge-wells");
    static final List<String> ORGANISATIONS = ids("bench-provider", 200);
    static final List<String> REFERRERS = ids("bench-referrer", 50);

    final HttpProtocolBuilder protocol = http.baseUrl(SkeletonFlowSimulation.GATEWAY).acceptHeader("application/json")
            .userAgentHeader("bridgeway-bench");

    {
        ChainBuilder ask = exec(
                http("outcome categories").get(session -> "/api/reports/outcome-categories?" + period() + "&" + filter())
                        .header("Authorization", session -> MAYA.bearer()).check(status().is(200)),
                http("outcome categories trend").get(session -> "/api/reports/outcome-categories/trend?" + period() + "&" + filter())
                        .header("Authorization", session -> MAYA.bearer()).check(status().is(200)),
                http("funnel").get(session -> "/api/reports/funnel?" + period() + "&groupBy=" + pick(List.of("category", "organisation", "area", "month")))
                        .header("Authorization", session -> MAYA.bearer()).check(status().is(200)),
                http("responsiveness").get(session -> "/api/reports/responsiveness?by=" + pick(List.of("organisation", "service")))
                        .header("Authorization", session -> MAYA.bearer()).check(status().is(200)),
                http("gaps").get(session -> "/api/reports/gaps?" + period())
                        .header("Authorization", session -> MAYA.bearer()).check(status().is(200)));
        setUp(scenario("managers").exec(ask).injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(DURATION_SECONDS))))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lt(1.0),
                        details("outcome categories").responseTime().percentile(95.0).lt(P95_MS),
                        details("outcome categories trend").responseTime().percentile(95.0).lt(P95_MS),
                        details("funnel").responseTime().percentile(95.0).lt(P95_MS),
                        details("responsiveness").responseTime().percentile(95.0).lt(P95_MS),
                        details("gaps").responseTime().percentile(95.0).lt(P95_MS));
    }

    @Override
    public void before() {
        SkeletonFlowSimulation.reachable(SkeletonFlowSimulation.GATEWAY + "/actuator/health", "gateway");
        if (GENERATE > 0) {
            long started = System.nanoTime();
            long events = generate(GENERATE);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Wrote %d referrals (%d events) to referral.events.v1 in %.1f s%n", GENERATE, events, seconds);
            long counted = awaitCounted(GENERATE);
            System.out.printf("Reports count %d referrals in the last three years, %.1f s after the first event was written%n", counted,
                    (System.nanoTime() - started) / 1e9);
        }
        System.out.printf("Reports: %d managers for %d s against %s%n", USERS, DURATION_SECONDS, SkeletonFlowSimulation.GATEWAY);
    }

    static String period() {
        LocalDate to = LocalDate.now().minusDays(ThreadLocalRandom.current().nextInt(0, 180));
        return "from=" + to.minusMonths(ThreadLocalRandom.current().nextInt(1, 37)) + "&to=" + to;
    }

    static String filter() {
        return switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0 -> "area=" + pick(List.of("medway", "kent", "gillingham", "thanet", "chatham"));
            case 1 -> "organisation=" + pick(ORGANISATIONS);
            case 2 -> "urgency=URGENT";
            default -> "referringOrganisation=" + pick(REFERRERS);
        };
    }

    static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /** Writes the referrals' events, each referral's in order under its key, as referral-service's relay does. */
    static long generate(int referrals) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Random random = new Random(42);
        long events = 0;
        long now = Instant.now().toEpochMilli();
        long threeYears = Duration.ofDays(3 * 365).toMillis();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < referrals; i++) {
                String id = UUID.randomUUID().toString();
                Instant submitted = Instant.ofEpochMilli(now - (long) (random.nextDouble() * threeYears));
                String organisation = ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()));
                Referral r = new Referral(id, "BW-" + Integer.toString(i, 36).toUpperCase(), weighted(random), AREAS.get(random.nextInt(AREAS.size())),
                        organisation, organisation.replace("bench-provider", "bench-service") + "-" + random.nextInt(3),
                        REFERRERS.get(random.nextInt(REFERRERS.size())), random.nextInt(5) == 0 ? "URGENT" : "ROUTINE");
                long seq = 1;
                producer.send(r.event("submitted", seq++, submitted, null, null));
                events++;
                Instant answered = submitted.plus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 6)));
                int fate = random.nextInt(100);
                if (fate < 70) {
                    producer.send(r.event("accepted", seq++, answered, null, null));
                    events++;
                    if (random.nextInt(100) < 80) {
                        producer.send(r.event("completed", seq++, answered.plus(Duration.ofHours(24 + random.nextInt(24 * 40))), null,
                                pick(random, List.of("SUPPORT_PROVIDED", "SUPPORT_PROVIDED", "PARTLY_SUPPORTED", "NO_LONGER_NEEDED", "UNABLE_TO_CONTACT"))));
                        events++;
                    }
                } else if (fate < 85) {
                    producer.send(r.event("declined", seq++, answered, pick(random, List.of("NOT_ELIGIBLE", "NO_CAPACITY", "OUT_OF_AREA",
                            "SERVICE_NOT_SUITABLE")), null));
                    events++;
                } else if (fate < 92) {
                    producer.send(r.event("overdue", seq++, submitted.plus(Duration.ofDays(5)), null, null));
                    producer.send(r.event("expired", seq++, submitted.plus(Duration.ofDays(14)), null, null));
                    events += 2;
                } else if (fate < 97) {
                    producer.send(r.event("cancelled", seq++, answered, "NO_LONGER_NEEDED", null));
                    events++;
                }
            }
            producer.flush();
        }
        return events;
    }

    record Referral(String id, String reference, String category, String area, String organisation, String service, String referrer,
                    String urgency) {

        ProducerRecord<String, byte[]> event(String change, long sequence, Instant at, String reason, String outcome) {
            String body = """
                    {"referralId":"%s","reference":"%s","sequence":%d,"status":null,"previousStatus":null,"serviceId":"%s",\
                    "organisationId":"%s","referrerUserId":"bench.referrer","referrerOrganisationId":"%s","category":"%s","urgency":"%s",\
                    "residentArea":"%s","reasonCode":%s,"outcome":%s,"actorRole":"SYSTEM","actorOrganisationId":null,\
                    "parentReferralId":null,"occurredAt":"%s"}""".formatted(id, reference, sequence, service, organisation, referrer, category,
                    urgency, area, reason == null ? "null" : "\"" + reason + "\"", outcome == null ? "null" : "\"" + outcome + "\"", at);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("referral.events.v1", id, body.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                    .add("ce_source", bytes("/bridgeway/bench")).add("ce_type", bytes("org.bridgeway.referral." + change + ".v1"))
                    .add("ce_time", bytes(at.toString())).add("ce_subject", bytes(id)).add("content-type", bytes("application/json"));
            return record;
        }
    }

    static long awaitCounted(int wanted) {
        HttpClient http = HttpClient.newHttpClient();
        String url = SkeletonFlowSimulation.GATEWAY + "/api/reports/funnel?groupBy=urgency&from=" + LocalDate.now().minusYears(3).minusDays(2)
                + "&to=" + LocalDate.now();
        long deadline = System.currentTimeMillis() + 20 * 60_000;
        long counted = 0;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", MAYA.bearer()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    String total = response.body().substring(response.body().indexOf("\"total\""));
                    counted = Long.parseLong(total.replaceAll("(?s).*?\"submitted\":(\\d+).*", "$1"));
                    if (counted >= wanted) {
                        return counted;
                    }
                }
                Thread.sleep(2000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return counted;
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String weighted(Random random) {
        int total = CATEGORIES.stream().mapToInt(Map.Entry::getValue).sum();
        int at = random.nextInt(total);
        for (Map.Entry<String, Integer> category : CATEGORIES) {
            at -= category.getValue();
            if (at < 0) {
                return category.getKey();
            }
        }
        return "other";
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> ids(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8)).toString()).toList();
    }
}
