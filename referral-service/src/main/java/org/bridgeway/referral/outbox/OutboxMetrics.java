package org.bridgeway.referral.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * The referral flow as the platform sees it: each event counted once it is on Kafka (so
 * {@code bridgeway.referrals.events{type="overdue"}} is the rate referrals go overdue), and the
 * backlog of referrals whose events are written but not yet published, which grows when Kafka is
 * out of reach. Counts and types only: nothing about the resident.
 */
@Component
class OutboxMetrics {

    private static final String PREFIX = "org.bridgeway.referral.";

    private final MeterRegistry registry;

    OutboxMetrics(MeterRegistry registry, MongoTemplate mongo, Collection<OutboxSource> sources) {
        this.registry = registry;
        sources.forEach(source -> Gauge.builder("bridgeway.outbox.backlog", mongo, m -> backlog(m, source.collection()))
                .description("aggregates with events written but not yet on Kafka").tag("topic", source.topic())
                .register(registry));
    }

    void published(String eventType) {
        Counter.builder("bridgeway.referrals.events").description("referral events published to Kafka")
                .tag("type", shortName(eventType)).register(registry).increment();
    }

    /** {@code org.bridgeway.referral.put-on-hold.v1} becomes {@code put-on-hold}. */
    static String shortName(String eventType) {
        String name = eventType.startsWith(PREFIX) ? eventType.substring(PREFIX.length()) : eventType;
        return name.replaceFirst("\\.v\\d+$", "");
    }

    /** Answered from the sparse index on pending events, so a scrape costs the store little. */
    private static double backlog(MongoTemplate mongo, String collection) {
        return mongo.count(Query.query(Criteria.where("pendingEvents.eventId").exists(true)), collection);
    }
}
