package org.bridgeway.directory.organisation;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.bridgeway.directory.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Where organisations are kept: the {@code organisations} collection. */
@Repository
public class Organisations {

    static final String COLLECTION = "organisations";

    private final MongoTemplate mongo;
    private final OutboxRelay outbox;

    Organisations(MongoTemplate mongo, OutboxRelay outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Organisation.class, COLLECTION));
    }

    /** @return false when an organisation with that id exists already */
    public boolean insert(Organisation organisation) {
        try {
            mongo.insert(organisation, COLLECTION);
            outbox.written(COLLECTION, organisation.id());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
