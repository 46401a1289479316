package org.bridgeway.notification.organisations;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The organisations replica: the {@code organisations} collection, newest version wins. */
@Repository
public class Organisations {

    private static final String COLLECTION = "organisations";

    private final MongoTemplate mongo;

    Organisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Organisation.class, COLLECTION));
    }

    /** @return false when the replica holds this version or a newer one already (a replayed snapshot) */
    boolean keep(Organisation organisation) {
        Organisation held = mongo.findOne(Query.query(Criteria.where("_id").is(organisation.id())), Organisation.class, COLLECTION);
        if (held != null && held.version() >= organisation.version()) {
            return false;
        }
        mongo.save(organisation, COLLECTION);
        return true;
    }
}
