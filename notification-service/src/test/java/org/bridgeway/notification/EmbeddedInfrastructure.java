package org.bridgeway.notification;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The embedded broker and store, one of each per test JVM, as in the one-command run. */
final class EmbeddedInfrastructure {

    static final String[] TOPICS = {"referral.events.v1", "referral.events.v1.notification-service.dlt",
            "directory.organisations.v1", "directory.organisations.v1.notification-service.dlt",
            "directory.services.v1", "directory.services.v1.notification-service.dlt", "notification.deliveries.dlt", "notification.inapp.v1"};

    private static EmbeddedKafkaKraftBroker kafka;
    private static String mongoUri;

    private EmbeddedInfrastructure() {
    }

    static synchronized void register(DynamicPropertyRegistry registry) {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 2, TOPICS);
            kafka.afterPropertiesSet();
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongoUri = "mongodb://" + mongo.bindAndGetConnectionString().replace("mongodb://", "");
        }
        registry.add("spring.kafka.bootstrap-servers", kafka::getBrokersAsString);
        registry.add("spring.mongodb.uri", () -> mongoUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
        NotificationServiceContract.settings(registry);
    }
}
