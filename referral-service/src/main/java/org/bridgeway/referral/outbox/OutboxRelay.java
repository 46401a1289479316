package org.bridgeway.referral.outbox;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import jakarta.annotation.PreDestroy;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the events waiting in aggregates' {@code pendingEvents} and then removes them: at
 * least once, in order per aggregate, on one worker thread. A repository reports each write so
 * its events go out at once; a periodic sweep catches whatever that missed (Kafka down, a
 * restart between write and publish).
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final URI SOURCE = URI.create("/bridgeway/referral-service");
    private static final String PENDING = "pendingEvents.eventId";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final Map<String, String> topicByCollection;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    /** At most one sweep waits in the queue, however slow the sends. */
    private final AtomicBoolean sweepQueued = new AtomicBoolean();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json, List<OutboxSource> sources) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
        this.topicByCollection = sources.stream().collect(Collectors.toMap(OutboxSource::collection, OutboxSource::topic));
        // Only documents with something to publish are in this index, so the sweep reads few.
        topicByCollection.keySet().forEach(collection ->
                mongo.indexOps(collection).createIndex(new Index().on(PENDING, Sort.Direction.ASC).sparse()));
    }

    /** Called after an aggregate with new events was written. */
    public void written(String collection, String aggregateId) {
        worker.execute(() -> publishPendingOf(collection, aggregateId));
    }

    @Scheduled(fixedDelayString = "${bridgeway.outbox.sweep-interval:5s}")
    void sweep() {
        if (!sweepQueued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> topicByCollection.keySet().forEach(collection -> {
            sweepQueued.set(false);
            Query waiting = Query.query(Criteria.where(PENDING).exists(true));
            waiting.fields().include("_id");
            mongo.find(waiting, PendingEvents.class, collection).forEach(aggregate -> publishPendingOf(collection, aggregate.id()));
        }));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void publishPendingOf(String collection, String aggregateId) {
        Query byId = Query.query(Criteria.where("_id").is(aggregateId));
        byId.fields().include("_id", "pendingEvents");
        PendingEvents aggregate = mongo.findOne(byId, PendingEvents.class, collection);
        if (aggregate == null || aggregate.pendingEvents() == null) {
            return;
        }
        String topic = topicByCollection.get(collection);
        for (PendingEvent event : aggregate.pendingEvents()) {
            try {
                kafka.send(record(topic, aggregateId, event)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Left in the document, in order: the next sweep tries again.
                log.warn("Publishing {} {} to {} failed, will retry: {}", event.type(), event.eventId(), topic, e.toString());
                return;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)),
                    new Update().pull("pendingEvents", Query.query(Criteria.where("eventId").is(event.eventId()))),
                    collection);
        }
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
