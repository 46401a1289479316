package org.bridgeway.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackPartsTest {

    @TempDir
    Path data;

    @Test
    void mongoStoreKeepsDocumentsAcrossARestart() throws Exception {
        int port = freePort();
        try (MongoStore ignored = MongoStore.start(data, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            client.getDatabase("bridgeway").getCollection("things").insertOne(new Document("_id", "a").append("name", "kept"));
        }
        try (MongoStore ignored = MongoStore.start(data, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            Document found = client.getDatabase("bridgeway").getCollection("things").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("kept");
        }
    }

    /** Queries on _id with more conditions are answered from the _id index: they must still apply every condition. */
    @Test
    void queriesOnAnIdWithMoreConditionsMatchEveryCondition() throws Exception {
        int port = freePort();
        try (MongoStore ignored = MongoStore.start(data, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> things = client.getDatabase("bridgeway").getCollection("things");
            for (int i = 0; i < 50; i++) {
                things.insertOne(new Document("_id", "t" + i).append("version", i % 3).append("sequence", i));
            }
            assertThat(things.find(new Document("_id", "t4").append("version", 1)).first()).containsEntry("sequence", 4);
            assertThat(things.find(new Document("_id", "t4").append("version", 2)).first()).isNull();
            assertThat(things.find(new Document("_id", new Document("$in", List.of("t1", "t2", "t3"))).append("version", new Document("$gte", 1)))
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder("t1", "t2");

            // A conditional write: applies once, then the condition no longer holds.
            Document stale = new Document("_id", "t5").append("version", 2);
            assertThat(things.updateOne(stale, new Document("$set", new Document("version", 3))).getModifiedCount()).isEqualTo(1);
            assertThat(things.updateOne(stale, new Document("$set", new Document("version", 4))).getModifiedCount()).isZero();

            // The replica's upsert: a newer copy replaces, a missing one is inserted, an older one meets the stored id.
            Document set = new Document("$set", new Document("sequence", 100));
            assertThat(things.updateOne(olderThan("t6", 100), set, new UpdateOptions().upsert(true)).getModifiedCount()).isEqualTo(1);
            assertThat(things.updateOne(olderThan("new", 100), set, new UpdateOptions().upsert(true)).getUpsertedId()).isNotNull();
            assertThatThrownBy(() -> things.updateOne(olderThan("t7", 1), set, new UpdateOptions().upsert(true)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(things.find(new Document("_id", "t7")).first()).containsEntry("sequence", 7);
            assertThat(things.countDocuments()).isEqualTo(51);
        }
    }

    /** What every service stores: the document comes back exactly, read from the file after a restart, not from memory. */
    @Test
    void documentsOfEveryKindComeBackAsWrittenAfterARestart() throws Exception {
        int port = freePort();
        Document written = everyKind("doc");
        try (MongoStore ignored = MongoStore.start(data, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            client.getDatabase("bridgeway").getCollection("things").insertOne(written);
        }
        try (MongoStore ignored = MongoStore.start(data, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            assertThat(client.getDatabase("bridgeway").getCollection("things").find(new Document("_id", "doc")).first()).isEqualTo(written);
        }
    }

    /** Unique indexes order keys by hash: a duplicate must still be refused, also of a missing value and once read back from the file. */
    @Test
    void uniqueIndexesRefuseDuplicatesAcrossARestart() throws Exception {
        int port = freePort();
        try (MongoStore ignored = MongoStore.start(data, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> things = client.getDatabase("bridgeway").getCollection("things");
            things.createIndex(new Document("code", 1).append("part", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                things.insertOne(new Document("_id", "t" + i).append("code", "c" + i).append("part", i % 7));
            }
            things.insertOne(new Document("_id", "no code"));
            // "Aa" and "BB" have the same hash: the order falls back to the keys' serialised forms.
            things.insertOne(new Document("_id", "Aa").append("code", "Aa").append("part", 1));
            things.insertOne(new Document("_id", "BB").append("code", "BB").append("part", 1));
            assertRefusesDuplicates(things);
        }
        try (MongoStore ignored = MongoStore.start(data, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> things = client.getDatabase("bridgeway").getCollection("things");
            assertRefusesDuplicates(things);
            assertThat(things.find(new Document("code", "c123").append("part", 123 % 7)).first()).containsEntry("_id", "t123");
            things.insertOne(new Document("_id", "t500").append("code", "c123").append("part", 6)); // another part: no duplicate
        }
    }

    private static void assertRefusesDuplicates(MongoCollection<Document> things) {
        assertThatThrownBy(() -> things.insertOne(new Document("_id", "again").append("code", "c42").append("part", 0)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> things.insertOne(new Document("_id", "t42").append("code", "other")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> things.insertOne(new Document("_id", "no code either")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        for (String code : List.of("Aa", "BB")) {
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "another " + code).append("code", code).append("part", 1)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(things.find(new Document("code", code).append("part", 1)).first()).containsEntry("_id", code);
        }
    }

    /** A store the plain H2 backend wrote (serialised documents, indexes in serialised order) opens with everything in it. */
    @Test
    void aStoreWrittenBeforeOpensWithItsDocumentsAndIndexes() throws Exception {
        int port = freePort();
        Path file = Files.createDirectories(data.resolve("mongo")).resolve("bridgeway.mv");
        MVStore before = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer plain = new MongoServer(new H2Backend(before));
        plain.bind("localhost", port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> things = client.getDatabase("bridgeway").getCollection("things");
            things.createIndex(new Document("code", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                things.insertOne(everyKind("t" + i).append("code", "c" + i));
            }
        } finally {
            plain.shutdown();
            before.close();
        }
        // As a first open stopped half-way through building the index again would leave it.
        MVStore stopped = new MVStore.Builder().fileName(file.toString()).open();
        stopped.openMap("bridgeway.things._hash_ordered_index_code_1", HashOrderedIndex.mapBuilder()).put(new KeyValue("c0"), "t0");
        stopped.close();

        try (MongoStore ignored = MongoStore.start(data, port); MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> things = client.getDatabase("bridgeway").getCollection("things");
            assertThat(things.find(new Document("_id", "t7")).first()).isEqualTo(everyKind("t7").append("code", "c7"));
            assertThat(things.find(new Document("code", "c150")).first()).containsEntry("_id", "t150");
            assertThat(things.countDocuments()).isEqualTo(200);
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "again").append("code", "c42")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            things.updateOne(new Document("_id", "t8"), new Document("$set", new Document("code", "changed")));
            things.insertOne(new Document("_id", "t200").append("code", "c8")); // free again
        }
        MVStore after = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(after.getMapNames()).noneMatch(name -> name.contains("._index_")).anyMatch(name -> name.contains("._hash_ordered_index_"));
        } finally {
            after.close();
        }
    }

    private static Document everyKind(String id) {
        return new Document("_id", id).append("text", "Rochester £5 café").append("int", 42).append("long", 5_000_000_000L)
                .append("double", 2.5).append("yes", true).append("nothing", null)
                .append("when", Date.from(Instant.parse("2026-11-24T10:15:30.123Z")))
                .append("nested", new Document("a", List.of(1, "two", new Document("three", 3.0))))
                .append("list", List.of("x", "y")).append("objectId", new ObjectId("65f0c0ffee0000000000abcd"))
                .append("money", Decimal128.parse("12.50")).append("bytes", new Binary(new byte[] {1, 2, 3}));
    }

    private static Document olderThan(String id, int sequence) {
        return new Document("_id", id).append("$or", List.of(new Document("sequence", new Document("$lt", sequence))));
    }

    @Test
    void kafkaBrokerCreatesTheTopicsOfTheArchitectureWithCompactionOnTheDirectoryTopics() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(data, freePort(), freePort())) {
            broker.createTopics();
            broker.createTopics(); // a second start must not fail on existing topics
            assertThat(broker.healthy()).isTrue();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                var partitions = admin.describeTopics(java.util.List.of("referral.events.v1")).allTopicNames().get()
                        .get("referral.events.v1").partitions();
                assertThat(partitions).hasSize(6);
                ConfigResource services = new ConfigResource(ConfigResource.Type.TOPIC, "directory.services.v1");
                Config config = admin.describeConfigs(java.util.List.of(services)).all().get().get(services);
                assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            }
        }
    }

    @Test
    void mailSentToAnyAddressCanBeReadOverImapWithTheAddressAsLoginAndPassword() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        try (MailServer ignored = MailServer.start(smtp, imap)) {
            send(smtp, "referrals@greendoctors.example", "New referral BW-7K3Q9");

            assertThat(subjectsInInbox(imap, "referrals@greendoctors.example")).containsExactly("New referral BW-7K3Q9");
        }
    }

    @Test
    void eachMailboxKeepsItsNewestMail() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        try (MailServer mail = MailServer.start(smtp, imap)) {
            for (int i = 1; i <= 5; i++) {
                send(smtp, "referrals@greendoctors.example", "Referral " + i);
                send(smtp, "sam@medway.example", "Referral " + i);
            }

            mail.keepNewest(2);

            assertThat(subjectsInInbox(imap, "referrals@greendoctors.example")).containsExactly("Referral 4", "Referral 5");
            assertThat(subjectsInInbox(imap, "sam@medway.example")).containsExactly("Referral 4", "Referral 5");
        }
    }

    private static void send(int smtp, String to, String subject) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(smtp));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("noreply@bridgeway.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Something happened.");
        Transport.send(message);
    }

    /** Read over IMAP with the address as login and password. */
    private static List<String> subjectsInInbox(int imap, String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.port", String.valueOf(imap));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("localhost", imap, address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            return subjects;
        } finally {
            store.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
