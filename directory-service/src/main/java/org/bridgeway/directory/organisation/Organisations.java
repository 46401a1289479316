package org.bridgeway.directory.organisation;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Where organisations are kept: the {@code organisations} collection. */
@Repository
public class Organisations {

    static final String COLLECTION = "organisations";

    private final MongoTemplate mongo;

    Organisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Organisation.class, COLLECTION));
    }

    /** @return false when an organisation with that id exists already */
    public boolean insert(Organisation organisation) {
        try {
            mongo.insert(organisation, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
