package org.bridgeway.directory.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.HashMap;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import jakarta.annotation.PreDestroy;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
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
    private static final URI SOURCE = URI.create("/bridgeway/directory-service");
    private static final String PENDING = "pendingEvents.eventId";
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final Tracer tracer;
    private final Map<String, String> topicByCollection;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    /** At most one sweep waits in the queue, however slow the sends. */
    private final AtomicBoolean sweepQueued = new AtomicBoolean();
    private final Queue<Written> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Duration fullSweepInterval;
    private volatile boolean sendFailed = true;
    private volatile long lastSweep;

    /** The trace of the request that wrote it, so the events' trace goes on through Kafka; null if none. */
    private record Written(String collection, String aggregateId, TraceContext trace) {
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json, List<OutboxSource> sources, Tracer tracer,
                       @Value("${bridgeway.outbox.full-sweep-interval:5m}") Duration fullSweepInterval) {
        this.mongo = mongo;
        this.fullSweepInterval = fullSweepInterval;
        this.kafka = kafka;
        this.json = json;
        this.tracer = tracer;
        this.topicByCollection = sources.stream().collect(Collectors.toMap(OutboxSource::collection, OutboxSource::topic));
        // Only documents with something to publish are in this index, so the sweep reads few.
        topicByCollection.keySet().forEach(collection ->
                mongo.indexOps(collection).createIndex(new Index().on(PENDING, Sort.Direction.ASC).sparse()));
    }

    /**
     * The update that writes a changed aggregate over its stored version. Events already stored
     * may be mid-publication (the relay removes them as it goes), so it sets every other field and
     * only appends the change's new events (sequence above the version read), never writing back
     * an event the relay has removed; fields now null are removed.
     */
    public static Update replacing(MongoTemplate mongo, Object aggregate, long readVersion) {
        Document written = new Document();
        mongo.getConverter().write(aggregate, written);
        Update update = new Update();
        written.forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("_class") && !field.equals("pendingEvents")) {
                update.set(field, value);
            }
        });
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass()).forEach(property -> {
            if (!property.isIdProperty() && !written.containsKey(property.getFieldName())) {
                update.unset(property.getFieldName());
            }
        });
        List<?> newEvents = written.getList("pendingEvents", Document.class, List.of()).stream()
                .filter(event -> event.get("sequence", Number.class).longValue() > readVersion).toList();
        update.push("pendingEvents").each(newEvents.toArray());
        return update;
    }

    /** Called after an aggregate with new events was written; writes arriving together are published together. */
    public void written(String collection, String aggregateId) {
        waiting.add(new Written(collection, aggregateId, tracer.currentTraceContext().context()));
        if (drainQueued.compareAndSet(false, true)) {
            worker.execute(guarded(this::drain));
        }
    }

    /**
     * Sweeps soon after a failed send (and once at start), else every {@code full-sweep-interval}
     * (5 minutes): finding what waits may cost the store a scan of the collection that holds up
     * its writes, and writes are published as they happen anyway.
     */
    @Scheduled(fixedDelayString = "${bridgeway.outbox.sweep-interval:5s}")
    void sweep() {
        boolean due = sendFailed || System.nanoTime() - lastSweep >= fullSweepInterval.toNanos();
        if (!due || !sweepQueued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(guarded(() -> {
            sweepQueued.set(false);
            sendFailed = false;
            lastSweep = System.nanoTime();
            topicByCollection.keySet().forEach(collection -> {
                Query pending = Query.query(Criteria.where(PENDING).exists(true));
                pending.fields().include("_id");
                List<String> ids = mongo.find(pending, PendingEvents.class, collection).stream().map(PendingEvents::id).toList();
                for (int from = 0; from < ids.size(); from += BATCH) {
                    publishPendingOf(collection, ids.subList(from, Math.min(ids.size(), from + BATCH)), Map.of());
                }
            });
        }));
    }

    /** A store that fails mid-way leaves the events where they are: the sweep soon tries again. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                sendFailed = true;
                log.warn("Publishing waiting events failed, will retry: {}", e.toString());
            }
        };
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void drain() {
        drainQueued.set(false);
        Map<String, Set<String>> batch = new LinkedHashMap<>();
        Map<String, TraceContext> traces = new HashMap<>();
        Written next;
        for (int taken = 0; taken < BATCH && (next = waiting.poll()) != null; taken++) {
            batch.computeIfAbsent(next.collection(), c -> new LinkedHashSet<>()).add(next.aggregateId());
            if (next.trace() != null) {
                traces.put(next.aggregateId(), next.trace());
            }
        }
        batch.forEach((collection, ids) -> publishPendingOf(collection, ids, traces));
        if (!waiting.isEmpty() && drainQueued.compareAndSet(false, true)) {
            worker.execute(guarded(this::drain));
        }
    }

    /**
     * One read for the batch, every send in flight at once (the idempotent producer keeps each
     * aggregate's events in order), then the published events removed. An aggregate whose send
     * failed keeps its events, in order, for the next sweep.
     */
    private void publishPendingOf(String collection, Collection<String> aggregateIds, Map<String, TraceContext> traces) {
        // By id alone: a store answers that from its id index (the embedded one scans for anything more).
        Query byIds = Query.query(Criteria.where("_id").in(aggregateIds));
        byIds.fields().include("_id", "pendingEvents");
        String topic = topicByCollection.get(collection);
        Map<PendingEvents, List<CompletableFuture<?>>> sends = new LinkedHashMap<>();
        for (PendingEvents aggregate : mongo.find(byIds, PendingEvents.class, collection)) {
            if (aggregate.pendingEvents() == null || aggregate.pendingEvents().isEmpty()) {
                continue;
            }
            sends.put(aggregate, inTraceOf(traces.get(aggregate.id()), () -> aggregate.pendingEvents().stream()
                    .<CompletableFuture<?>>map(event -> kafka.send(record(topic, aggregate.id(), event))).toList()));
        }
        List<String> publishedAggregates = new ArrayList<>();
        List<String> publishedEvents = new ArrayList<>();
        for (var sent : sends.entrySet()) {
            try {
                CompletableFuture.allOf(sent.getValue().toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break; // still remove what was confirmed, or it goes out twice
            } catch (Exception e) {
                sendFailed = true;
                log.warn("Publishing the events of {} to {} failed, will retry: {}", sent.getKey().id(), topic, e.toString());
                continue;
            }
            publishedAggregates.add(sent.getKey().id());
            sent.getKey().pendingEvents().forEach(event -> publishedEvents.add(event.eventId()));
        }
        // One write for the batch: a write per aggregate left the relay behind a busy store.
        if (!publishedAggregates.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(publishedAggregates)),
                    new Update().pull("pendingEvents", Query.query(Criteria.where("eventId").in(publishedEvents))), collection);
        }
    }

    /** Sends within a span of the writing request's trace; the producer puts it in each record's traceparent header. */
    private <T> T inTraceOf(TraceContext trace, Supplier<T> sending) {
        if (trace == null) {
            return sending.get();
        }
        Span span = tracer.spanBuilder().setParent(trace).name("outbox publish").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return sending.get();
        } finally {
            span.end();
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
