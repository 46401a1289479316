package org.bridgeway.notification.organisations;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The organisations replica: the {@code organisations} collection, newest version wins. Every
 * notice to an organisation reads it, so lookups are kept for 30 s: a change applied by another
 * instance shows here within that time.
 */
@Repository
public class Organisations {

    private static final String COLLECTION = "organisations";

    private final MongoTemplate mongo;
    private final Cache<String, Optional<Organisation>> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    Organisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Organisation> find(String id) {
        return recent.get(id, key -> Optional.ofNullable(mongo.findById(key, Organisation.class, COLLECTION)));
    }

    /** @return false when the replica holds this version or a newer one already (a replayed snapshot) */
    boolean keep(Organisation organisation) {
        Organisation held = mongo.findOne(Query.query(Criteria.where("_id").is(organisation.id())), Organisation.class, COLLECTION);
        if (held != null && held.version() >= organisation.version()) {
            return false;
        }
        mongo.save(organisation, COLLECTION);
        recent.put(organisation.id(), Optional.of(organisation));
        return true;
    }
}
