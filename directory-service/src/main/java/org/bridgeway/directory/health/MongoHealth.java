package org.bridgeway.directory.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The store answers a ping. Boot's own MongoDB check sends {@code hello}, which the embedded
 * stand-in (mongo-java-server) does not know, so it is switched off in application.yml.
 */
@Component("mongoStoreHealthIndicator")
class MongoHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.getDb().runCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
