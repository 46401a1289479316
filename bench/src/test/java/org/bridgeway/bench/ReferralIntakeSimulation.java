package org.bridgeway.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Referral intake under load: {@code users} concurrent referrers (50) submit referrals through the
 * gateway for {@code duration} seconds; afterwards every accepted submission is looked for on
 * referral.events.v1, counting any lost or duplicated. Writes target/bench-intake.txt.
 *
 * <p>Without {@code paceMs} each referrer submits again as soon as answered: the platform's
 * capacity. With it each starts a submission every {@code paceMs} milliseconds at most (50
 * referrers pacing at 250 ms offer 200 referrals a second): the response time at a given load.
 *
 * <p>System properties as {@link SkeletonFlowSimulation}, plus {@code kafka} (localhost:9092).
 */
public class ReferralIntakeSimulation extends Simulation {

    static final int USERS = Integer.getInteger("users", 50);
    static final int DURATION_SECONDS = Integer.getInteger("duration", 60);
    static final int PACE_MS = Integer.getInteger("paceMs", 0);
    static final String KAFKA = System.getProperty("kafka", "localhost:9092");
    static final String MONGO = System.getProperty("mongo", "mongodb://localhost:27017");
    /** Each accepted submission's referral id, with when its request was sent. */
    static final Map<String, Long> SUBMITTED = new ConcurrentHashMap<>();
    static volatile Instant started;
    /** Where referral.events.v1 ended before the run: its events are read from there. */
    static volatile Map<TopicPartition, Long> eventsBefore;

    final HttpProtocolBuilder protocol = http.baseUrl(SkeletonFlowSimulation.GATEWAY)
            .acceptHeader("application/json").contentTypeHeader("application/json").userAgentHeader("bridgeway-bench");

    {
        ChainBuilder submit = exec(exec(session -> session.set("sentAt", System.currentTimeMillis())),
                http("submit referral").post("/api/referrals")
                        .header("Authorization", session -> SkeletonFlowSimulation.SAM.bearer())
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(SkeletonFlowSimulation.REFERRAL))
                        .check(status().is(201), jsonPath("$.id").saveAs("id")),
                exec(session -> {
                    if (!session.isFailed()) {
                        SUBMITTED.put(session.getString("id"), session.getLong("sentAt"));
                    }
                    return session;
                }));
        Duration duration = Duration.ofSeconds(DURATION_SECONDS);
        PopulationBuilder referrers = PACE_MS > 0
                ? scenario("referral intake, paced").during(duration).on(pace(Duration.ofMillis(PACE_MS)).exec(submit))
                        .injectOpen(atOnceUsers(USERS))
                : scenario("referral intake").exec(submit).injectClosed(constantConcurrentUsers(USERS).during(duration));
        setUp(referrers)
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    static KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void before() {
        System.out.printf("Referral intake: %d referrers for %d s%s against %s%n", USERS, DURATION_SECONDS,
                PACE_MS > 0 ? ", each submitting at most every " + PACE_MS + " ms" : "", SkeletonFlowSimulation.GATEWAY);
        SkeletonFlowSimulation.reachable(SkeletonFlowSimulation.GATEWAY + "/actuator/health", "gateway");
        SkeletonFlowSimulation.SAM.bearer();
        SUBMITTED.clear();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            eventsBefore = consumer.endOffsets(consumer.partitionsFor("referral.events.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
        }
        started = Instant.now();
    }

    /** When each submission's receiving organisation could read it in the app, from the notification store. */
    record Notified(int found, long duplicated, long[] latenciesMs, double lastAfterLoadSeconds) {
        long percentile(int p) {
            return latenciesMs.length == 0 ? -1 : latenciesMs[Math.max(0, (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1)];
        }
    }

    /**
     * Reads the REFERRAL_RECEIVED notices written since the run began until every submission has
     * one or nothing new has come for 30 s: the time from sending the submission to the notice
     * being stored (and so readable), how many are missing and how many referrals have more than one.
     */
    static Notified notified(long loadEnded) {
        Map<String, List<Long>> createdAt = new HashMap<>();
        long lastProgress = System.currentTimeMillis();
        int previous = -1;
        try (MongoClient mongo = MongoClients.create(MONGO)) {
            MongoCollection<Document> notifications = mongo.getDatabase("notification").getCollection("notifications");
            while (System.currentTimeMillis() - lastProgress < 30_000) {
                createdAt.clear();
                for (Document notice : notifications.find(Filters.and(Filters.eq("kind", "REFERRAL_RECEIVED"),
                        Filters.gte("createdAt", Date.from(started)))).projection(new Document("referralId", 1).append("createdAt", 1))) {
                    String referralId = notice.getString("referralId");
                    if (SUBMITTED.containsKey(referralId)) {
                        createdAt.computeIfAbsent(referralId, id -> new ArrayList<>()).add(notice.getDate("createdAt").getTime());
                    }
                }
                if (createdAt.size() == SUBMITTED.size()) {
                    break;
                }
                if (createdAt.size() > previous) {
                    previous = createdAt.size();
                    lastProgress = System.currentTimeMillis();
                }
                sleep(2000);
            }
        }
        long[] latencies = createdAt.entrySet().stream()
                .mapToLong(e -> Collections.min(e.getValue()) - SUBMITTED.get(e.getKey())).sorted().toArray();
        long last = createdAt.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(loadEnded);
        long duplicated = createdAt.values().stream().mapToLong(times -> times.size() - 1).sum();
        return new Notified(createdAt.size(), duplicated, latencies, Math.max(0, last - loadEnded) / 1000.0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts each accepted submission's events on Kafka: none may be missing, none repeated. */
    @Override
    public void after() {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        Map<String, Integer> seen = new HashMap<>();
        // Read this run's events until every submission's is found (then 3 s more, for repeats), or
        // nothing new has come for 30 s: a relay that lags behind is slow, not lossy, and its lag
        // (when the last event was written, after the load ended) is reported.
        long loadEnded = System.currentTimeMillis();
        long lastFound = loadEnded;
        long lastWritten = loadEnded;
        long allFoundAt = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(eventsBefore.keySet());
            eventsBefore.forEach(consumer::seek);
            while (System.currentTimeMillis() - lastFound < 30_000 && (allFoundAt == 0 || System.currentTimeMillis() - allFoundAt < 3000)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (SUBMITTED.containsKey(record.key()) && type != null
                            && "org.bridgeway.referral.submitted.v1".equals(new String(type.value(), StandardCharsets.UTF_8))
                            && seen.merge(record.key(), 1, Integer::sum) == 1) {
                        lastFound = System.currentTimeMillis();
                        lastWritten = Math.max(lastWritten, record.timestamp());
                    }
                }
                if (allFoundAt == 0 && seen.size() == SUBMITTED.size()) {
                    allFoundAt = System.currentTimeMillis();
                }
            }
        }
        double drainSeconds = (lastWritten - loadEnded) / 1000.0;
        long lost = SUBMITTED.keySet().stream().filter(id -> !seen.containsKey(id)).count();
        Notified notified = notified(loadEnded);
        long duplicated = seen.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        String figures = String.format(Locale.ROOT, """
                # Referral intake through the gateway, %s
                users=%d
                pace_ms=%d
                elapsed_s=%.2f
                referrals_ok=%d
                referrals_per_s=%.2f
                events_found=%d
                last_event_after_load_s=%.1f
                events_lost=%d
                events_duplicated=%d
                notifications_found=%d
                notifications_lost=%d
                notifications_duplicated=%d
                submission_to_notification_p50_ms=%d
                submission_to_notification_p95_ms=%d
                submission_to_notification_p99_ms=%d
                submission_to_notification_max_ms=%d
                last_notification_after_load_s=%.1f
                """, Instant.now(), USERS, PACE_MS, seconds, SUBMITTED.size(), SUBMITTED.size() / seconds, seen.size(), drainSeconds, lost, duplicated,
                notified.found(), SUBMITTED.size() - notified.found(), notified.duplicated(), notified.percentile(50), notified.percentile(95),
                notified.percentile(99), notified.percentile(100), notified.lastAfterLoadSeconds());
        System.out.print(figures);
        try {
            Files.createDirectories(SkeletonFlowSimulation.targetDir());
            Files.writeString(SkeletonFlowSimulation.targetDir().resolve("bench-intake.txt"), figures);
        } catch (IOException e) {
            System.err.println("could not write bench-intake.txt: " + e);
        }
    }
}
