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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    static final Set<String> SUBMITTED = ConcurrentHashMap.newKeySet();
    static volatile Instant started;
    /** Where referral.events.v1 ended before the run: its events are read from there. */
    static volatile Map<TopicPartition, Long> eventsBefore;

    final HttpProtocolBuilder protocol = http.baseUrl(SkeletonFlowSimulation.GATEWAY)
            .acceptHeader("application/json").contentTypeHeader("application/json").userAgentHeader("bridgeway-bench");

    {
        ChainBuilder submit = exec(
                http("submit referral").post("/api/referrals")
                        .header("Authorization", session -> SkeletonFlowSimulation.SAM.bearer())
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(SkeletonFlowSimulation.REFERRAL))
                        .check(status().is(201), jsonPath("$.id").saveAs("id")),
                exec(session -> {
                    if (!session.isFailed()) {
                        SUBMITTED.add(session.getString("id"));
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
                    if (SUBMITTED.contains(record.key()) && type != null
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
        long lost = SUBMITTED.stream().filter(id -> !seen.containsKey(id)).count();
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
                """, Instant.now(), USERS, PACE_MS, seconds, SUBMITTED.size(), SUBMITTED.size() / seconds, seen.size(), drainSeconds, lost, duplicated);
        System.out.print(figures);
        try {
            Files.createDirectories(SkeletonFlowSimulation.targetDir());
            Files.writeString(SkeletonFlowSimulation.targetDir().resolve("bench-intake.txt"), figures);
        } catch (IOException e) {
            System.err.println("could not write bench-intake.txt: " + e);
        }
    }
}
