package org.bridgeway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;

/**
 * What the raw infrastructure under Bridgeway can do on this machine, so that the skeleton flow's
 * figures can be read as ratios rather than absolute numbers:
 * <ul>
 *   <li>Kafka: produce {@code records} 1 KB records (acks=all, idempotent) to a fresh one-partition topic
 *       {@code bench.baseline}, then consume them all back; the topic is deleted afterwards.</li>
 *   <li>MongoDB: insert {@code records} small documents one by one, then as many with insertMany in
 *       batches of 500, into database {@code bench}, which is dropped afterwards.</li>
 * </ul>
 * System properties: {@code kafka} (localhost:9092), {@code mongo} (mongodb://localhost:27017),
 * {@code records} (20000), {@code baseline.out} (bench/target/baseline.txt, found from the classes).
 */
public final class InfrastructureBaseline {

    static final String TOPIC = "bench.baseline";
    static final String DATABASE = "bench";
    static final int BATCH = 500;
    static final int RECORD_BYTES = 1024;

    public static void main(String[] args) throws Exception {
        String kafka = System.getProperty("kafka", "localhost:9092");
        String mongo = System.getProperty("mongo", "mongodb://localhost:27017");
        int records = Integer.getInteger("records", 20_000);
        Path out = System.getProperty("baseline.out") != null ? Path.of(System.getProperty("baseline.out"))
                : SkeletonFlowSimulation.targetDir().resolve("baseline.txt");

        System.out.printf("Infrastructure baseline: %d records, Kafka %s, MongoDB %s%n", records, kafka, mongo);
        Figures kafkaFigures = kafka(kafka, records);
        Figures mongoFigures = mongo(mongo, records);

        String table = String.format(Locale.ROOT, """

                        Infrastructure baseline (%d records or documents each)
                          %-40s %12s %10s
                          %-40s %12.0f %10.2f
                          %-40s %12.0f %10.2f
                          %-40s %12.0f %10.2f
                          %-40s %12.0f %10.2f
                        """, records, "", "per second", "seconds",
                "Kafka produce, 1 KB, acks=all, idempotent", kafkaFigures.first(), records / kafkaFigures.first(),
                "Kafka consume, 1 KB", kafkaFigures.second(), records / kafkaFigures.second(),
                "MongoDB insertOne, one by one", mongoFigures.first(), records / mongoFigures.first(),
                "MongoDB insertMany, batches of " + BATCH, mongoFigures.second(), records / mongoFigures.second());
        System.out.println(table);

        String file = String.format(Locale.ROOT, """
                        # Bridgeway infrastructure baseline, %s (Kafka %s, MongoDB %s)
                        records=%d
                        kafka_produce_per_s=%.1f
                        kafka_consume_per_s=%.1f
                        mongo_insert_one_per_s=%.1f
                        mongo_insert_many_per_s=%.1f
                        """, Instant.now(), kafka, mongo, records,
                kafkaFigures.first(), kafkaFigures.second(), mongoFigures.first(), mongoFigures.second());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, file);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /** Two rates in items per second. */
    record Figures(double first, double second) {
    }

    static Figures kafka(String bootstrap, int records) throws Exception {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        common.put(AdminClientConfig.CLIENT_ID_CONFIG, "bridgeway-bench");
        try (Admin admin = Admin.create(common)) {
            recreateTopic(admin);
            try {
                double produced = produce(common, records);
                double consumed = consume(common, records);
                return new Figures(produced, consumed);
            } finally {
                admin.deleteTopics(Set.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " failed: " + e.getCause()
                    + ". Is Bridgeway running (./bridgeway run)?", e.getCause());
        }
    }

    /** Auto-creation is off on the local broker; a topic left by an interrupted run is replaced. */
    static void recreateTopic(Admin admin) throws Exception {
        NewTopic topic = new NewTopic(TOPIC, 1, (short) 1);
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            return;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        admin.deleteTopics(Set.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                // Deletion finishes asynchronously.
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    static double produce(Properties common, int records) throws Exception {
        Properties config = new Properties();
        config.putAll(common);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] value = new byte[RECORD_BYTES];
        new Random(42).nextBytes(value);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            // Metadata first, so the timing covers sending only.
            producer.partitionsFor(TOPIC);
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            long elapsed = System.nanoTime() - start;
            if (failure.get() != null) {
                throw new IllegalStateException("producing failed", failure.get());
            }
            if (acknowledged.get() != records) {
                throw new IllegalStateException("only " + acknowledged.get() + " of " + records + " records acknowledged");
            }
            return rate(records, elapsed);
        }
    }

    static double consume(Properties common, int records) {
        Properties config = new Properties();
        config.putAll(common);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            // Assigned, not subscribed: no consumer group to join, only the reading is timed.
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.position(partition);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(120);
            long read = 0;
            while (read < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + read + " of " + records + " records consumed in 120 s");
                }
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
                read += polled.count();
            }
            return rate(records, System.nanoTime() - start);
        }
    }

    static Figures mongo(String uri, int records) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase database = client.getDatabase(DATABASE);
            database.drop();
            try {
                MongoCollection<Document> single = database.getCollection("insert_one");
                // Connect before timing.
                database.runCommand(new Document("ping", 1));
                long start = System.nanoTime();
                for (int i = 0; i < records; i++) {
                    single.insertOne(document(i));
                }
                double one = rate(records, System.nanoTime() - start);

                MongoCollection<Document> batched = database.getCollection("insert_many");
                start = System.nanoTime();
                List<Document> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < records; i++) {
                    batch.add(document(i));
                    if (batch.size() == BATCH || i == records - 1) {
                        batched.insertMany(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                double many = rate(records, System.nanoTime() - start);
                long stored = single.countDocuments() + batched.countDocuments();
                if (stored != 2L * records) {
                    throw new IllegalStateException("MongoDB holds " + stored + " documents, expected " + 2L * records);
                }
                return new Figures(one, many);
            } finally {
                database.drop();
            }
        } catch (com.mongodb.MongoException e) {
            throw new IllegalStateException("MongoDB at " + uri + " failed: " + e.getMessage()
                    + ". Is Bridgeway running (./bridgeway run)?", e);
        }
    }

    /** About 150 bytes of BSON, like a small event or outbox entry. */
    static Document document(int i) {
        return new Document("seq", i)
                .append("kind", "bench")
                .append("status", "SUBMITTED")
                .append("at", new Date())
                .append("reference", String.format(Locale.ROOT, "BW-%08d", i))
                .append("tags", List.of("fuel", "routine"))
                .append("meta", Map.of("source", "InfrastructureBaseline", "version", 1));
    }

    static double rate(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    private InfrastructureBaseline() {
    }
}
