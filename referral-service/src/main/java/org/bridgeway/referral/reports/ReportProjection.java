package org.bridgeway.referral.reports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link ReferralFacts} from referral.events.v1, read from the beginning at every start:
 * the topic is kept for ever, so replaying it is the rebuild, and no resident record is read.
 * Every instance assigns itself every partition and commits no offsets (its group id only names
 * it), so each answers for the whole platform. Reports wait until the history that existed at start has been read; after that
 * new events arrive within a second.
 */
@Component
class ReportProjection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportProjection.class);
    private static final String TOPIC = "referral.events.v1";
    private static final String PREFIX = "org.bridgeway.referral.";

    /** The fields of a referral event the facts need; the others are ignored. */
    record Body(String referralId, long sequence, String category, String residentArea, String organisationId, String serviceId,
                String referrerOrganisationId, String urgency, String reasonCode, String outcome, Instant occurredAt) {
    }

    private final ReferralFacts facts = new ReferralFacts();
    private final ConsumerFactory<String, byte[]> consumers;
    private final JsonMapper json;
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread reader;
    private volatile boolean ready;
    private volatile Instant startedAt;
    private volatile long eventsRead;

    ReportProjection(ConsumerFactory<String, byte[]> consumers, JsonMapper json, MeterRegistry registry) {
        this.consumers = consumers;
        this.json = json;
        Gauge.builder("bridgeway.reports.referrals", facts, f -> f.size).description("referrals in the report projection").register(registry);
        Gauge.builder("bridgeway.reports.ready", this, p -> p.ready ? 1 : 0)
                .description("1 once the projection has read the history that existed at start").register(registry);
    }

    ReferralFacts facts() {
        return facts;
    }

    boolean ready() {
        return ready;
    }

    @Override
    public void start() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        overrides.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        consumer = consumers.createConsumer("referral-service.reports", null, null, overrides);
        startedAt = Instant.now();
        reader = Thread.ofPlatform().name("report-projection").daemon().start(this::read);
    }

    @Override
    public void stop() {
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = reader;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null && reader.isAlive();
    }

    private void read() {
        try (Consumer<String, byte[]> c = consumer) {
            List<TopicPartition> partitions = partitions(c);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> historyEnds = c.endOffsets(partitions);
            while (true) {
                try {
                    List<ReferralFacts.Event> events = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                        ReferralFacts.Event event = eventOf(record);
                        if (event != null) {
                            events.add(event);
                        }
                    }
                    facts.applyAll(events);
                    eventsRead += events.size();
                    if (!ready && historyEnds.entrySet().stream().allMatch(end -> c.position(end.getKey()) >= end.getValue())) {
                        ready = true;
                        log.info("Report projection read the history: {} events, {} referrals, in {} s", eventsRead, facts.size,
                                Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
                    }
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    // The broker is away or a fetch failed: the positions hold, so go on from there shortly.
                    log.warn("Report projection paused: {}", e.getMessage());
                    pause();
                }
            }
        } catch (WakeupException stopping) {
            // stop() asked
        }
    }

    /** The topic's partitions, waiting (as the broker may still be starting) until it has some. */
    private List<TopicPartition> partitions(Consumer<String, byte[]> c) {
        while (true) {
            try {
                List<TopicPartition> partitions = c.partitionsFor(TOPIC).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (!partitions.isEmpty()) {
                    return partitions;
                }
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (RuntimeException e) {
                log.warn("Report projection waits for {}: {}", TOPIC, e.getMessage());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /** The event's facts, or null for one this projection cannot read (notification-service parks those). */
    private ReferralFacts.Event eventOf(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        String ceType = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
        if (!ceType.startsWith(PREFIX) || !ceType.endsWith(".v1") || record.value() == null) {
            return null;
        }
        try {
            Body b = json.readValue(record.value(), Body.class);
            if (b.referralId() == null || b.occurredAt() == null) {
                return null;
            }
            return new ReferralFacts.Event(ceType.substring(PREFIX.length(), ceType.length() - 3), b.referralId(), b.sequence(),
                    b.category(), b.residentArea(), b.organisationId(), b.serviceId(), b.referrerOrganisationId(), b.urgency(),
                    b.reasonCode(), b.outcome(), b.occurredAt());
        } catch (JacksonException e) {
            return null;
        }
    }
}
