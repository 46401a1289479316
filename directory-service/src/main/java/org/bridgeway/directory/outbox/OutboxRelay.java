package org.bridgeway.directory.outbox;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the events waiting in aggregates' {@code pendingEvents} and then removes them: at
 * least once, in order per aggregate. Runs on a short fixed delay, so an event written while
 * Kafka is down goes out when it returns.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final URI SOURCE = URI.create("/bridgeway/directory-service");

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final List<OutboxSource> sources;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json, List<OutboxSource> sources) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
        this.sources = sources;
    }

    @Scheduled(fixedDelayString = "${bridgeway.outbox.poll-interval:200ms}")
    public synchronized void publishPending() {
        for (OutboxSource source : sources) {
            Query waiting = Query.query(Criteria.where("pendingEvents.0").exists(true));
            waiting.fields().include("_id", "pendingEvents");
            for (PendingEvents aggregate : mongo.find(waiting, PendingEvents.class, source.collection())) {
                if (!publish(source, aggregate)) {
                    return; // Kafka is unavailable: try again at the next tick, in the same order
                }
            }
        }
    }

    private boolean publish(OutboxSource source, PendingEvents aggregate) {
        for (PendingEvent event : aggregate.pendingEvents()) {
            try {
                kafka.send(record(source.topic(), aggregate.id(), event)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                log.warn("Publishing {} {} to {} failed, will retry: {}", event.type(), event.eventId(), source.topic(), e.toString());
                return false;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.id())),
                    new Update().pull("pendingEvents", Query.query(Criteria.where("eventId").is(event.eventId()))),
                    source.collection());
        }
        return true;
    }

    private ProducerRecord<String, byte[]> record(String topic, String key, PendingEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withType(event.type())
                .withSource(SOURCE)
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withSubject(key)
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(event.data()))
                .build();
        return KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(cloudEvent);
    }

    /** The part of an aggregate document the relay reads. */
    record PendingEvents(String id, List<PendingEvent> pendingEvents) {
    }
}
