package org.bridgeway.directory.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Listings and organisations whose changes are written but not yet on Kafka: it grows when Kafka
 * is out of reach, and an alert watches it. Answered from the sparse index on pending events.
 */
@Component
class OutboxBacklog {

    OutboxBacklog(MeterRegistry registry, MongoTemplate mongo, Collection<OutboxSource> sources) {
        sources.forEach(source -> Gauge.builder("bridgeway.outbox.backlog", mongo,
                        m -> m.count(Query.query(Criteria.where("pendingEvents.eventId").exists(true)), source.collection()))
                .description("aggregates with events written but not yet on Kafka").tag("topic", source.topic())
                .register(registry));
    }
}
